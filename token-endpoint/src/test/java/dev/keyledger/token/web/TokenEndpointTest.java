package dev.keyledger.token.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.secret.SecretHash;
import dev.keyledger.kernel.secret.SecretSlot;
import dev.keyledger.token.accesstoken.AccessTokenIssuer;
import dev.keyledger.token.authentication.ClientAuthEntry;
import dev.keyledger.token.authentication.ClientAuthenticator;
import dev.keyledger.token.authentication.InMemoryClientAuthView;
import dev.keyledger.token.authentication.StoredSecret;
import dev.keyledger.token.config.TokenSettingsFixture;
import dev.keyledger.token.issuance.IssuanceRecord;
import dev.keyledger.token.issuance.Outcome;
import dev.keyledger.token.issuance.RecordingIssuanceLog;
import dev.keyledger.token.jose.KnownSigningKeys;
import dev.keyledger.token.metrics.TokenMetrics;
import dev.keyledger.token.throttle.FailureThrottle;
import dev.keyledger.token.throttle.ThrottleSettings;
import io.jsonwebtoken.Jwts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code POST /oauth2/token} from the request to the answer, without a server: the real authenticator over an
 * in-memory auth view, a real throttle, a real signer with a generated key, and an issuance log that only keeps
 * what it is given. What it proves per outcome: the status and OAuth error, and the issuance log's record.
 */
class TokenEndpointTest {

    private static final String ISSUER = "https://keyledger.example";
    private static final String CLIENT_ID = "client-1";
    private static final String SECRET = "secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** As the auth view stores it: the secret's SHA-256 as raw bytes. */
    private static final byte[] SECRET_HASH = Base64.getUrlDecoder().decode(SecretHash.digest(SECRET).sha256());

    private final InMemoryClientAuthView view = new InMemoryClientAuthView().with(new ClientAuthEntry(CLIENT_ID,
            ClientStatus.ACTIVE, new StoredSecret("p1", SecretSlot.PRIMARY, SECRET_HASH, null), null,
            List.of("reader"), Set.of("a:read", "b:write"), 600, Set.of(), 0, 1));
    private final KnownSigningKeys keys = new KnownSigningKeys(List.of(KnownSigningKeys.generate("k1", "ES256")));
    private final RecordingIssuanceLog log = new RecordingIssuanceLog();
    private final SigningTurns turns = new SigningTurns();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TokenEndpoint endpoint = new TokenEndpoint(new ClientAuthenticator(view.cache()),
            new FailureThrottle(new ThrottleSettings(3, 100, Duration.ofMinutes(1))),
            new AccessTokenIssuer(keys, TokenSettingsFixture.withIssuer(ISSUER), JSON), log,
            TokenSettingsFixture.withIssuer(ISSUER), turns, new OAuthResponses(JSON), new TokenMetrics(meters));

    @AfterEach
    void stopTurns() {
        turns.close();
    }

    @Test
    void handleWhenTheCredentialsAreRightThenATokenSignedWithTheActiveKeyAndAnIssuedRecord() throws Exception {
        MockHttpServletResponse response = handle(basic(CLIENT_ID, SECRET),
                "grant_type=client_credentials&scope=a%3Aread");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonNode answer = JSON.readTree(response.getContentAsByteArray());
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").asLong()).isEqualTo(600);
        assertThat(answer.get("scope").asText()).isEqualTo("a:read");
        var claims = Jwts.parser().verifyWith(keys.active().publicKey()).build()
                .parseSignedClaims(answer.get("access_token").asText()).getPayload();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);

        IssuanceRecord issued = onlyRecord();
        assertThat(issued.outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(issued.clientId()).isEqualTo(CLIENT_ID);
        assertThat(issued.secretId()).isEqualTo("p1");
        assertThat(issued.slot()).isEqualTo(SecretSlot.PRIMARY);
        assertThat(issued.jti()).isEqualTo(claims.getId());
        assertThat(issued.sourceAddress()).isEqualTo("192.0.2.7");
    }

    @Test
    void handleWhenTheSecretIsWrongOverBasicThen401WithAChallengeAndAFailedRecord() throws Exception {
        MockHttpServletResponse response = handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");

        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
        assertThat(onlyRecord().reason()).isEqualTo("wrong-secret");
        assertThat(onlyRecord().outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void handleWhenTheSecretIsWrongInTheBodyThen401WithoutAChallenge() throws Exception {
        MockHttpServletResponse response = handle(null,
                "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=wrong");

        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void handleWhenTheClientIsUnknownThenTheSameAnswerAsAWrongSecret() throws Exception {
        MockHttpServletResponse unknown = handle(basic("no-such-client", SECRET), "grant_type=client_credentials");
        MockHttpServletResponse wrong = handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");

        assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus());
        assertThat(unknown.getContentAsString()).isEqualTo(wrong.getContentAsString());
        assertThat(unknown.getHeaderNames()).isEqualTo(wrong.getHeaderNames());
        assertThat(log.records()).extracting(IssuanceRecord::reason).containsExactly("unknown-client", "wrong-secret");
    }

    @Test
    void handleWhenNoCredentialsThen401AndANoAuthenticationRecord() throws Exception {
        MockHttpServletResponse response = handle(null, "grant_type=client_credentials");

        assertOAuthError(response, 401, "invalid_client");
        assertThat(onlyRecord().reason()).isEqualTo("no-authentication");
        assertThat(onlyRecord().clientId()).isNull();
    }

    @Test
    void handleWhenThePairHasFailedTooOftenThen429AndEvenTheRightSecretIsNotChecked() throws Exception {
        for (int i = 0; i < 3; i++) {
            handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");
        }

        MockHttpServletResponse response = handle(basic(CLIENT_ID, SECRET), "grant_type=client_credentials");

        assertOAuthError(response, 429, "slow_down");
        assertThat(response.getHeader("Retry-After")).isNotNull();
        assertThat(log.records().get(3).outcome()).isEqualTo(Outcome.THROTTLED);
    }

    @Test
    void handleWhenTheClientIdCannotExistThenItIsNotLookedUp() throws Exception {
        MockHttpServletResponse response = handle(basic("no such client!", SECRET), "grant_type=client_credentials");

        assertOAuthError(response, 401, "invalid_client");
        assertThat(onlyRecord().reason()).isEqualTo("malformed-client-id");
    }

    @Test
    void handleWhenTheGrantTypeIsMissingOrAnotherThen400() throws Exception {
        assertOAuthError(handle(basic(CLIENT_ID, SECRET), "scope=a%3Aread"), 400, "invalid_request");
        assertOAuthError(handle(basic(CLIENT_ID, SECRET), "grant_type=password"), 400, "unsupported_grant_type");
        assertThat(log.records()).extracting(IssuanceRecord::reason)
                .containsExactly("invalid_request", "unsupported_grant_type");
    }

    @Test
    void handleWhenTheScopeExceedsThePermissionsThen400InvalidScope() throws Exception {
        MockHttpServletResponse response = handle(basic(CLIENT_ID, SECRET),
                "grant_type=client_credentials&scope=c%3Aadmin");

        assertOAuthError(response, 400, "invalid_scope");
        assertThat(onlyRecord().outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void handleWhenTheRequestIsMalformedThen400AndNothingIsRecorded() throws Exception {
        MockHttpServletRequest request = request(basic(CLIENT_ID, SECRET), "grant_type=client_credentials");
        request.setQueryString("scope=a");

        OAuthProblem problem = catchThrowableOfType(OAuthProblem.class,
                () -> endpoint.handle(request, new MockHttpServletResponse()));

        assertThat(problem.error().error()).isEqualTo("invalid_request");
        assertThat(log.records()).isEmpty();
    }

    @Test
    void handleCountsEachRequestUnderItsOutcomeAndTimesItAndItsSigning() throws Exception {
        handle(basic(CLIENT_ID, SECRET), "grant_type=client_credentials");
        handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");
        handle(basic(CLIENT_ID, SECRET), "scope=a%3Aread");
        handle(basic(CLIENT_ID, SECRET), "grant_type=password");
        handle(basic(CLIENT_ID, SECRET), "grant_type=client_credentials&scope=c%3Aadmin");
        handle(basic(CLIENT_ID, SECRET), "grant_type=client_credentials&resource=https%3A%2F%2Fother.example");
        handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");
        handle(basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");
        handle(basic(CLIENT_ID, SECRET), "grant_type=client_credentials");
        MockHttpServletRequest malformed = request(basic(CLIENT_ID, SECRET), "grant_type=client_credentials");
        malformed.setQueryString("scope=a");
        catchThrowableOfType(OAuthProblem.class, () -> endpoint.handle(malformed, new MockHttpServletResponse()));

        assertThat(requests("issued")).isEqualTo(1);
        assertThat(requests("invalid_client")).isEqualTo(3);
        assertThat(requests("invalid_request")).isEqualTo(2);
        assertThat(requests("unsupported_grant_type")).isEqualTo(1);
        assertThat(requests("invalid_scope")).isEqualTo(1);
        assertThat(requests("invalid_target")).isEqualTo(1);
        assertThat(requests("throttled")).isEqualTo(1);
        assertThat(requests("server_error")).isZero();
        assertThat(meters.get("keyledger.token.request").timer().count()).isEqualTo(10);
        assertThat(meters.get("keyledger.token.signing").timer().count()).isEqualTo(1);
    }

    private double requests(String outcome) {
        return meters.get("keyledger.token.requests").tag("outcome", outcome).counter().count();
    }

    private MockHttpServletResponse handle(String authorization, String form) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        endpoint.handle(request(authorization, form), response);
        return response;
    }

    private static MockHttpServletRequest request(String authorization, String form) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setRemoteAddr("192.0.2.7");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(form.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private IssuanceRecord onlyRecord() {
        assertThat(log.records()).hasSize(1);
        return log.records().get(0);
    }

    private static void assertOAuthError(MockHttpServletResponse response, int status, String error) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(JSON.readTree(response.getContentAsByteArray()).get("error").asText()).isEqualTo(error);
    }

    private static String basic(String clientId, String secret) {
        byte[] credentials = (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }
}
