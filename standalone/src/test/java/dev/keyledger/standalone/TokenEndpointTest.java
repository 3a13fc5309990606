package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /oauth2/token} over real HTTP, every token checked as a resource server would: with Nimbus (through
 * Spring Security's decoder) against our JWKS, requiring {@code typ: at+jwt} (RFC 9068).
 */
@KeyledgerService
class TokenEndpointTest {

    private static final String ROLE = UniqueNames.unique("reader");

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static AdminClient oauth;
    private static NimbusJwtDecoder resourceServer;
    private static String clientId;
    private static String secret;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
        oauth = keyledger.anonymous();
        admin.post("/api/v1/roles", "{\"name\":\"" + ROLE + "\",\"permissions\":[\"a:read\",\"b:write\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients", """
                {"name": "machine", "roles": ["%s"], "accessTokenTtlSeconds": 600,
                 "allowedAudiences": ["https://api.example.com", "https://other.example.com"]}""".formatted(ROLE));
        clientId = registered.text("clientId");
        secret = registered.text("clientSecret");
        keyledger.tokenFor(clientId, secret);
        resourceServer = NimbusJwtDecoder.withJwkSetUri(keyledger.baseUri() + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
                .build();
    }

    @Test
    void whenAuthenticatedWithBasic_thenAnRfc9068TokenVerifiesAtAResourceServer() {
        AdminClient.Answer answer = oauth.form("/oauth2/token", "grant_type=client_credentials",
                "Authorization", basic(clientId, secret));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        assertThat(body.get("scope").asText()).isEqualTo("a:read b:write");
        assertThat(body.has("refresh_token")).isFalse();

        Jwt jwt = resourceServer.decode(body.get("access_token").asText());
        assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("alg", "ES256").containsKey("kid");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(issuer());
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo(clientId);
        assertThat(jwt.getAudience()).containsExactly(issuer());
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(600));
        assertThat(jwt.getNotBefore()).isEqualTo(jwt.getIssuedAt());
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("a:read b:write");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly(ROLE);
    }

    @Test
    void whenAuthenticatedWithClientSecretPost_thenATokenIsIssued() {
        AdminClient.Answer answer = post("grant_type=client_credentials");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(resourceServer.decode(answer.text("access_token")).getSubject()).isEqualTo(clientId);
    }

    @Test
    void whenTwoTokensAreIssued_thenTheirJtisDiffer() {
        assertThat(resourceServer.decode(post("grant_type=client_credentials").text("access_token")).getId())
                .isNotEqualTo(resourceServer.decode(post("grant_type=client_credentials").text("access_token")).getId());
    }

    @Test
    void whenASubsetOfTheScopeIsRequested_thenExactlyThatIsGranted() {
        AdminClient.Answer answer = post("grant_type=client_credentials&scope=b%3Awrite");
        assertThat(answer.text("scope")).isEqualTo("b:write");
        assertThat(resourceServer.decode(answer.text("access_token")).getClaimAsString("scope")).isEqualTo("b:write");
    }

    @Test
    void whenMoreThanTheClientMayHaveIsRequested_thenInvalidScope() {
        assertOAuthError(post("grant_type=client_credentials&scope=a%3Aread+c%3Aadmin"), 400, "invalid_scope");
        assertOAuthError(post("grant_type=client_credentials&scope=a%3Aread++b%3Awrite"), 400, "invalid_scope");
    }

    @Test
    void whenAllowedResourcesAreRequested_thenTheyAreTheAudience() {
        AdminClient.Answer one = post("grant_type=client_credentials&resource=https%3A%2F%2Fapi.example.com");
        assertThat(resourceServer.decode(one.text("access_token")).getAudience()).containsExactly("https://api.example.com");
        AdminClient.Answer two = post("grant_type=client_credentials&resource=https%3A%2F%2Fapi.example.com"
                + "&audience=https%3A%2F%2Fother.example.com");
        assertThat(resourceServer.decode(two.text("access_token")).getAudience())
                .containsExactly("https://api.example.com", "https://other.example.com");
    }

    @Test
    void whenAResourceIsNotAllowed_thenInvalidTarget() {
        assertOAuthError(post("grant_type=client_credentials&resource=https%3A%2F%2Fevil.example.com"), 400,
                "invalid_target");
        assertOAuthError(post("grant_type=client_credentials&resource=not-a-uri"), 400, "invalid_target");
    }

    @Test
    void whenNoClientAuthenticationIsGiven_thenInvalidClientWithAChallenge() {
        AdminClient.Answer answer = oauth.form("/oauth2/token", "grant_type=client_credentials");
        assertOAuthError(answer, 401, "invalid_client");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"keyledger\"");
    }

    @Test
    void whenTheClientIsUnknownOrTheSecretWrong_thenTheAnswersAreIndistinguishable() {
        AdminClient.Answer unknown = oauth.form("/oauth2/token", "grant_type=client_credentials",
                "Authorization", basic("no-such-client", secret));
        AdminClient.Answer wrong = oauth.form("/oauth2/token", "grant_type=client_credentials",
                "Authorization", basic(clientId, secret + "x"));
        assertOAuthError(unknown, 401, "invalid_client");
        assertThat(wrong.status()).isEqualTo(unknown.status());
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
        assertThat(wrong.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
        assertThat(wrong.header("Content-Length")).isEqualTo(unknown.header("Content-Length"));
    }

    @Test
    void whenTheRequestIsMalformed_thenInvalidRequest() {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        assertOAuthError(oauth.form("/oauth2/token", form, "Authorization", basic(clientId, secret)), 400,
                "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", form + "&grant_type=client_credentials"), 400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", form + "&scope=a%3Aread&scope=b%3Awrite"), 400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials", "Authorization", "Basic %%%"),
                400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))),
                400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("id:%zz".getBytes(StandardCharsets.UTF_8))),
                400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials&client_id=%E0%A4%A"), 400,
                "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials&client_id=%C3%28"), 400,
                "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token?client_secret=" + secret, "grant_type=client_credentials"), 400,
                "invalid_request");
        assertOAuthError(oauth.raw("POST", "/oauth2/token", form.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json"), 400, "invalid_request");
        assertOAuthError(oauth.raw("POST", "/oauth2/token", form.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=x"), 400, "invalid_request");
        assertOAuthError(oauth.raw("POST", "/oauth2/token", form.getBytes(StandardCharsets.UTF_8)), 400,
                "invalid_request");
    }

    @Test
    void whenTheBodyExceeds64KiB_thenItIsRefusedWithoutA5xx() {
        String huge = "grant_type=client_credentials&scope=" + "a".repeat(70_000);
        AdminClient.Answer answer = oauth.form("/oauth2/token", huge, "Authorization", basic(clientId, secret));
        assertThat(answer.status()).isIn(400, 413);
        assertThat(answer.text("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenClientsSendTheirBodiesSlowly_thenOtherClientsStillGetTokens() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            // More stalled requests than there are signing turns: none of them may hold one while its body is awaited.
            for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++) {
                Socket socket = new Socket("localhost", keyledger.port());
                socket.getOutputStream().write(("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Authorization: " + basic(clientId, secret) + "\r\n"
                        + "Content-Length: 100\r\n\r\ngrant_type=").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            RunningKeyledger.sleep(Duration.ofMillis(300));

            AdminClient.Answer answer = oauth.form("/oauth2/token", "grant_type=client_credentials",
                    "Authorization", basic(clientId, secret));

            assertThat(answer.status()).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void whenTheGrantTypeIsMissingOrOther_thenInvalidRequestOrUnsupportedGrantType() {
        assertOAuthError(post(""), 400, "invalid_request");
        assertOAuthError(post("grant_type=password"), 400, "unsupported_grant_type");
        assertOAuthError(post("grant_type=refresh_token"), 400, "unsupported_grant_type");
    }

    @Test
    void whenTheMethodIsNotPost_thenItIsAnOAuthErrorToo() {
        AdminClient.Answer answer = oauth.send("GET", "/oauth2/token", null);
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.text("error")).isEqualTo("invalid_request");
    }

    @Test
    void whenTheSecondarySecretIsUsed_thenItAuthenticatesAndAnExpiredOneDoesNot() {
        String id = admin.post("/api/v1/clients", "{\"name\":\"two-secrets\"}").text("clientId");
        String expiring = admin.post("/api/v1/clients/" + id + "/secrets",
                "{\"expiresAt\":\"" + Instant.now().plusSeconds(3) + "\"}").text("clientSecret");
        assertThat(keyledger.tokenFor(id, expiring)).isNotBlank();
        waitUntil(() -> token(id, expiring).status() == 401, Duration.ofSeconds(10));
        assertOAuthError(token(id, expiring), 401, "invalid_client");
    }

    @Test
    void whenTheClientIsDisabledEnabledOrDeleted_thenIssuanceFollows() {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"toggled\"}");
        String id = registered.text("clientId");
        String idSecret = registered.text("clientSecret");
        keyledger.tokenFor(id, idSecret);
        admin.post("/api/v1/clients/" + id + "/disable", null);
        waitUntil(() -> token(id, idSecret).status() == 401, Duration.ofSeconds(5));
        admin.post("/api/v1/clients/" + id + "/enable", null);
        waitUntil(() -> token(id, idSecret).status() == 200, Duration.ofSeconds(5));
        admin.delete("/api/v1/clients/" + id);
        waitUntil(() -> token(id, idSecret).status() == 401, Duration.ofSeconds(5));
    }

    @Test
    void whenAnyoneReadsTheMetadata_thenItDescribesTheEndpoints() {
        JsonNode metadata = oauth.send("GET", "/.well-known/oauth-authorization-server", null).json();
        assertThat(metadata.get("issuer").asText()).isEqualTo(issuer());
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(issuer() + "/oauth2/token");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(issuer() + "/.well-known/jwks.json");
        assertThat(metadata.get("grant_types_supported")).hasSize(1);
        assertThat(metadata.get("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic").contains("client_secret_post");
        assertThat(metadata.get("introspection_endpoint").asText()).endsWith("/oauth2/introspect");
        assertThat(metadata.get("revocation_endpoint").asText()).endsWith("/oauth2/revoke");
        assertThat(metadata.get("response_types_supported")).isEmpty();
    }

    @Test
    void whenATokenIsTamperedWith_thenTheResourceServerRejectsIt() {
        String token = post("grant_type=client_credentials").text("access_token");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("a:read b:write", "a:read c:admin").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> resourceServer.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void whenTokensAreIssuedAndRefused_thenTheIssuanceLogAndLastUsedAtShowIt() {
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"logged\",\"roles\":[\"" + ROLE + "\"]}");
        String id = registered.text("clientId");
        String idSecret = registered.text("clientSecret");
        String jti = resourceServer.decode(keyledger.tokenFor(id, idSecret, "scope=a%3Aread")).getId();
        token(id, "wrong");
        waitUntil(() -> admin.send("GET", "/api/v1/clients/" + id + "/token-events", null).json()
                .get("items").size() >= 2, Duration.ofSeconds(5));
        List<JsonNode> items = List.copyOf(toList(admin.send("GET", "/api/v1/clients/" + id + "/token-events", null)
                .json().get("items")));
        JsonNode issued = items.stream().filter(item -> item.get("outcome").asText().equals("ISSUED")).findFirst()
                .orElseThrow();
        assertThat(issued.get("jti").asText()).isEqualTo(jti);
        assertThat(issued.get("slot").asText()).isEqualTo("PRIMARY");
        assertThat(issued.get("scope").asText()).isEqualTo("a:read");
        assertThat(issued.get("audience").get(0).asText()).isEqualTo(issuer());
        assertThat(issued.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(issued.get("secretId").asText()).isEqualTo(registered.json().at("/secrets/0/secretId").asText());
        JsonNode failed = items.get(items.size() - 1);
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).isEqualTo("wrong-secret");
        assertThat(failed.get("jti").isNull()).isTrue();
        waitUntil(() -> !admin.patch("/api/v1/clients/" + id, "{}").json().at("/secrets/0/lastUsedAt").isNull(),
                Duration.ofSeconds(5));

        // since=<instant> starts the read at a time, inclusive: at the failed attempt's instant only it is left.
        String events = "/api/v1/clients/" + id + "/token-events?since=";
        JsonNode fromFailure = admin.send("GET", events + failed.get("at").asText(), null).json().get("items");
        assertThat(toList(fromFailure)).extracting(item -> item.get("outcome").asText()).containsExactly("FAILED");
        assertThat(admin.send("GET", events + "2999-01-01T00:00:00Z", null).json().get("items")).isEmpty();
        AdminClient.Answer malformed = admin.send("GET", events + "yesterday", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static AdminClient.Answer post(String form) {
        return oauth.form("/oauth2/token", form.isEmpty() ? "client_id=" + clientId + "&client_secret=" + secret
                : form + "&client_id=" + clientId + "&client_secret=" + secret);
    }

    private static AdminClient.Answer token(String id, String idSecret) {
        return oauth.form("/oauth2/token", "grant_type=client_credentials", "Authorization", basic(id, idSecret));
    }

    static String basic(String id, String idSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (RunningKeyledger.encode(id) + ":" + RunningKeyledger.encode(idSecret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String issuer() {
        return "http://localhost:" + keyledger.port();
    }

    static void assertOAuthError(AdminClient.Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.text("error")).isEqualTo(error);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            RunningKeyledger.sleep(Duration.ofMillis(20));
        }
    }
}
