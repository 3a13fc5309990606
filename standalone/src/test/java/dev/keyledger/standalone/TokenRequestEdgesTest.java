package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's edges over real HTTP, byte for byte (raw sockets, so that no client library tidies a header):
 * one Authorization header, Basic with credentials, RFC 8707 resources without fragments, client ids no client can
 * have (refused before any lookup and counted under no name of their own), and the JWKS's media type.
 */
// Not @KeyledgerService: throttling limits low enough to reach.
class TokenRequestEdgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Throttling is shown from an address of its own, so that it cannot touch the other tests' requests. */
    private static final String FLOODER = "127.0.0.6";

    @TempDir
    static Path dataDir;
    private static RunningKeyledger keyledger;
    private static String clientId;
    private static String secret;

    @BeforeAll
    static void start() {
        keyledger = RunningKeyledger.start(dataDir, "keyledger.token.throttle.pair-failures=3",
                "keyledger.token.throttle.address-failures=1000");
        AdminClient.Answer registered = keyledger.admin().post("/api/v1/clients", """
                {"name": "edges", "allowedAudiences": ["https://api.example.com"]}""");
        clientId = registered.text("clientId");
        secret = registered.text("clientSecret");
        keyledger.tokenFor(clientId, secret);
    }

    @AfterAll
    static void stop() {
        keyledger.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token", "/oauth2/introspect", "/oauth2/revoke"})
    void whenAuthorizationIsGivenTwice_thenInvalidRequest(String path) throws IOException {
        String answer = post("127.0.0.1", path, "grant_type=client_credentials&token=x",
                "Authorization: " + basic(clientId, secret), "Authorization: " + basic("someone", "else"));
        assertOAuthError(answer, 400, "invalid_request");
        String same = post("127.0.0.1", path, "grant_type=client_credentials&token=x",
                "Authorization: " + basic(clientId, secret), "Authorization: " + basic(clientId, secret));
        assertOAuthError(same, 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Basic ", "basic", "BASIC  ", "Basic Og==", "Basic Og", "Basic OmFiYw==",
            "Basic YWJjOg=="})
    void whenBasicCarriesNoOrEmptyCredentials_thenInvalidRequest(String authorization) throws IOException {
        assertOAuthError(post("127.0.0.1", "/oauth2/token", "grant_type=client_credentials",
                "Authorization: " + authorization), 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resource=https%3A%2F%2Fapi.example.com%23x", "resource=https%3A%2F%2Fapi.example.com%23",
            "audience=https%3A%2F%2Fapi.example.com%23x", "resource=api.example.com", "resource=%2Frelative",
            "resource=https%3A%2F%2Fapi.example.com&resource=https%3A%2F%2Fapi.example.com%23fragment"})
    void whenAResourceHasAFragmentOrIsNotAbsolute_thenInvalidTarget(String resource) throws IOException {
        assertOAuthError(post("127.0.0.1", "/oauth2/token", "grant_type=client_credentials&" + resource,
                "Authorization: " + basic(clientId, secret)), 400, "invalid_target");
        assertThat(status(post("127.0.0.1", "/oauth2/token",
                "grant_type=client_credentials&resource=https%3A%2F%2Fapi.example.com",
                "Authorization: " + basic(clientId, secret)))).as("the same resource without a fragment").isEqualTo(200);
    }

    @Test
    void whenAClientIdNoClientCanHaveIsPresented_thenTheAnswerIsAnUnknownClientsAndItIsNeverLookedUp()
            throws IOException {
        // Each request from an address of its own (127.0.1.x): their failures must not throttle one another.
        String unknown = post("127.0.1.1", "/oauth2/token", "grant_type=client_credentials",
                "Authorization: " + basic("no-such-client", secret));
        int next = 2;
        for (String impossible : List.of("c".repeat(129), "has space", "x".repeat(4_000))) {
            String answer = post("127.0.1." + next++, "/oauth2/token", "grant_type=client_credentials",
                    "Authorization: " + basic(impossible, secret));
            assertThat(withoutPerRequestHeaders(answer)).as("Basic, %d characters", impossible.length())
                    .isEqualTo(withoutPerRequestHeaders(unknown));
            String posted = post("127.0.1." + next++, "/oauth2/token", "grant_type=client_credentials&client_id="
                    + RunningKeyledger.encode(impossible) + "&client_secret=" + secret);
            assertOAuthError(posted, 401, "invalid_client");
        }
        String huge = post("127.0.1." + next++, "/oauth2/token", "grant_type=client_credentials&client_id="
                + "h".repeat(60_000) + "&client_secret=" + secret);
        assertOAuthError(huge, 401, "invalid_client");
        // The issuance log's reason shows who refused them: the id's form, not a lookup ("unknown-client").
        waitUntil(() -> keyledger.jdbc().sql("""
                        SELECT count(*) FROM token_issuance_log
                        WHERE source_address LIKE '127.0.1.%' AND reason = 'malformed-client-id'""")
                .query(Long.class).single() == 7, Duration.ofSeconds(5));
    }

    @Test
    void whenManyDistinctImpossibleIdsFail_thenTheyShareOneCounterAndTheAddressStaysUsable() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(status(post(FLOODER, "/oauth2/token", "grant_type=client_credentials",
                    "Authorization: " + basic("x".repeat(200 + i), secret)))).isEqualTo(401);
        }
        String fourth = post(FLOODER, "/oauth2/token", "grant_type=client_credentials",
                "Authorization: " + basic("y".repeat(300), secret));
        assertThat(status(fourth)).as("a fourth distinct impossible id counts where the first three did")
                .isEqualTo(429);
        assertThat(status(post(FLOODER, "/oauth2/token", "grant_type=client_credentials",
                "Authorization: " + basic(clientId, secret)))).as("a real client from the same address").isEqualTo(200);
    }

    @Test
    void whenTheJwksIsFetched_thenItIsAJwkSetWhateverTheClientAccepts() throws IOException {
        for (String accept : List.of("application/jwk-set+json", "application/json", "*/*")) {
            String answer = get("/.well-known/jwks.json", "Accept: " + accept);
            assertThat(status(answer)).as("Accept: %s", accept).isEqualTo(200);
            assertThat(header(answer, "Content-Type")).as("Accept: %s", accept)
                    .isEqualTo("application/jwk-set+json");
            assertThat(body(answer).get("keys").isArray()).isTrue();
        }
        assertThat(header(get("/.well-known/jwks.json"), "Content-Type")).isEqualTo("application/jwk-set+json");
    }

    private static void assertOAuthError(String answer, int status, String error) {
        assertThat(status(answer)).as(answer).isEqualTo(status);
        assertThat(header(answer, "Content-Type")).as(answer).startsWith("application/json");
        assertThat(body(answer).get("error").asText()).as(answer).isEqualTo(error);
    }

    private static String post(String sourceAddress, String path, String form, String... headers) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return exchange(sourceAddress, head.append("\r\n").toString(), body);
    }

    private static String get(String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return exchange("127.0.0.1", head.append("\r\n").toString(), new byte[0]);
    }

    private static String exchange(String sourceAddress, String head, byte[] body) {
        return RawHttp.exchange(sourceAddress, keyledger.port(), head, body);
    }

    private static int status(String answer) {
        return RawHttp.statusOf(answer);
    }

    private static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static JsonNode body(String answer) {
        try {
            return JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }

    /** The answer without what differs between any two requests: the time and the request's own correlation id. */
    private static String withoutPerRequestHeaders(String answer) {
        return answer.replaceAll("(?im)^(Date|X-Correlation-Id): .*\r\n", "");
    }
}
