package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.keyledger.standalone.TokenEndpointTest.assertOAuthError;
import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7662 introspection and RFC 7009 revocation over real HTTP. */
@KeyledgerService
class IntrospectionAndRevocationTest {

    private static final String ROLE = UniqueNames.unique("reader");

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static AdminClient oauth;
    private static Machine alice;
    private static Machine bob;

    private record Machine(String id, String secret) {
    }

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
        oauth = keyledger.anonymous();
        admin.post("/api/v1/roles", "{\"name\":\"" + ROLE + "\",\"permissions\":[\"a:read\"]}");
        alice = register("alice");
        bob = register("bob");
    }

    @Test
    void whenAClientIntrospectsItsOwnToken_thenItIsActiveWithItsClaims() {
        String token = keyledger.tokenFor(alice.id(), alice.secret());
        JsonNode answer = introspect(alice, token);
        assertThat(answer.get("active").asBoolean()).isTrue();
        assertThat(answer.get("client_id").asText()).isEqualTo(alice.id());
        assertThat(answer.get("sub").asText()).isEqualTo(alice.id());
        assertThat(answer.get("scope").asText()).isEqualTo("a:read");
        assertThat(answer.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.get("iss").asText()).isEqualTo("http://localhost:" + keyledger.port());
        assertThat(answer.get("aud").asText()).isEqualTo("http://localhost:" + keyledger.port());
        assertThat(answer.get("exp").asLong()).isGreaterThan(answer.get("iat").asLong());
        assertThat(answer.has("nbf")).isTrue();
        assertThat(answer.get("jti").asText()).isNotBlank();
        assertThat(answer.get("roles").get(0).asText()).isEqualTo(ROLE);
    }

    @Test
    void whenAClientWithoutThePermissionIntrospectsAnothersToken_thenAccessDenied() {
        String token = keyledger.tokenFor(alice.id(), alice.secret());
        AdminClient.Answer answer = oauth.form("/oauth2/introspect", "token=" + token,
                "Authorization", basic(bob.id(), bob.secret()));
        assertOAuthError(answer, 403, "access_denied");
    }

    @Test
    void whenAClientHoldingThePermissionIntrospects_thenItSeesAnyToken() {
        String token = keyledger.tokenFor(alice.id(), alice.secret());
        AdminClient.Answer answer = oauth.form("/oauth2/introspect", "token=" + token, "Authorization",
                basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET));
        assertThat(answer.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void whenTheTokenIsMalformedOrForeign_thenOnlyActiveFalse() {
        JsonNode malformed = oauth.form("/oauth2/introspect", "token=not.a.jwt", adminBasic()).json();
        assertThat(malformed.toString()).isEqualTo("{\"active\":false}");
        String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4In0.";
        assertThat(oauth.form("/oauth2/introspect", "token=" + unsigned, adminBasic()).json().toString())
                .isEqualTo("{\"active\":false}");
    }

    @Test
    void whenIntrospectionLacksTheTokenOrAuthentication_thenInvalidRequestOrInvalidClient() {
        assertOAuthError(oauth.form("/oauth2/introspect", "token_type_hint=access_token", adminBasic()), 400,
                "invalid_request");
        AdminClient.Answer anonymous = oauth.form("/oauth2/introspect", "token=x");
        assertOAuthError(anonymous, 401, "invalid_client");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void whenAClientRevokesItsToken_thenItIntrospectsInactive() {
        String token = keyledger.tokenFor(alice.id(), alice.secret());
        AdminClient.Answer revoked = oauth.form("/oauth2/revoke", "token=" + token,
                "Authorization", basic(alice.id(), alice.secret()));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(introspect(alice, token).toString()).isEqualTo("{\"active\":false}");
        assertThat(oauth.form("/oauth2/revoke", "token=" + token, "Authorization", basic(alice.id(), alice.secret()))
                .status()).isEqualTo(200);
    }

    @Test
    void whenAClientRevokesAnothersToken_thenUnauthorizedClientAndTheTokenStaysActive() {
        String token = keyledger.tokenFor(alice.id(), alice.secret());
        assertOAuthError(oauth.form("/oauth2/revoke", "token=" + token, "Authorization", basic(bob.id(), bob.secret())),
                400, "unauthorized_client");
        assertThat(introspect(alice, token).get("active").asBoolean()).isTrue();
    }

    @Test
    void whenAnUnknownTokenIsRevoked_thenOk() {
        assertThat(oauth.form("/oauth2/revoke", "token=garbage", "Authorization", basic(bob.id(), bob.secret()))
                .status()).isEqualTo(200);
        assertOAuthError(oauth.form("/oauth2/revoke", "", "Authorization", basic(bob.id(), bob.secret())), 400,
                "invalid_request");
    }

    @Test
    void whenTheClientIsDisabled_thenItsTokensIntrospectInactive() {
        Machine carol = register("carol");
        String token = keyledger.tokenFor(carol.id(), carol.secret());
        admin.post("/api/v1/clients/" + carol.id() + "/disable", null);
        waitUntil(() -> !oauth.form("/oauth2/introspect", "token=" + token, adminBasic()).json().get("active")
                .asBoolean(), Duration.ofSeconds(5));
    }

    private static Machine register(String name) {
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + ROLE + "\"]}");
        Machine machine = new Machine(registered.text("clientId"), registered.text("clientSecret"));
        keyledger.tokenFor(machine.id(), machine.secret());
        return machine;
    }

    private static JsonNode introspect(Machine caller, String token) {
        return oauth.form("/oauth2/introspect", "token=" + token, "Authorization", basic(caller.id(), caller.secret()))
                .json();
    }

    private static String[] adminBasic() {
        return new String[]{"Authorization", basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET)};
    }
}
