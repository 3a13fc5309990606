package dev.keyledger.standalone;

import dev.keyledger.kernel.audit.AdminPermissions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin token's signature is checked once and remembered (VerifiedTokenCache, issue 17), yet a change of the
 * caller's rights refuses its next calls within the published bounds, as before: a revoked token at once (the node
 * that stores a revocation forgets every remembered revocation check, decision 143; other nodes on its notification,
 * {@code RevocationsTest}), a role taken away or a client disabled within the client auth view's bound. Each token is
 * used several times first, so that every refusal below is decided with the token remembered.
 */
@KeyledgerService
class RememberedAdminTokenTest {

    /** The contract's bound for a change of a client to reach the token endpoint (the published one is ~100 ms). */
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final String CLIENTS = "/api/v1/clients";

    @Test
    void whenARememberedTokenIsRevoked_thenItsVeryNextCallIsRefused(RunningKeyledger keyledger) {
        String token = keyledger.newAdminToken();
        AdminClient withToken = new AdminClient(keyledger.baseUri(), () -> token);
        usedSeveralTimes(withToken);

        keyledger.anonymous().form("/oauth2/revoke", "token=" + token, "Authorization",
                basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET));

        AdminClient.Answer refused = withToken.send("GET", CLIENTS, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void whenTheCallersRoleIsTakenAway_thenItsRememberedTokenIsRefusedWithinTheBound(RunningKeyledger keyledger) {
        Caller caller = reader(keyledger);
        usedSeveralTimes(caller.withToken());

        keyledger.admin().delete("/api/v1/clients/" + caller.clientId() + "/roles/" + caller.role());
        long acknowledged = System.nanoTime();

        Duration refusedAfter = firstRefusal(caller.withToken(), 403, acknowledged);
        assertThat(refusedAfter).isLessThan(BOUND);
    }

    @Test
    void whenTheCallerIsDisabled_thenItsRememberedTokenIsRefusedWithinTheBound(RunningKeyledger keyledger) {
        Caller caller = reader(keyledger);
        usedSeveralTimes(caller.withToken());

        keyledger.admin().post("/api/v1/clients/" + caller.clientId() + "/disable", null);
        long acknowledged = System.nanoTime();

        Duration refusedAfter = firstRefusal(caller.withToken(), 401, acknowledged);
        assertThat(refusedAfter).isLessThan(BOUND);
    }

    private static Caller reader(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer reader = admin.post(CLIENTS, "{\"name\":\"reader\",\"roles\":[\"" + role + "\"]}");
        String clientId = reader.text("clientId");
        String token = keyledger.tokenHolding(clientId, reader.text("clientSecret"),
                List.of(AdminPermissions.CLIENTS_READ));
        return new Caller(clientId, role, new AdminClient(keyledger.baseUri(), () -> token));
    }

    private static void usedSeveralTimes(AdminClient withToken) {
        for (int i = 0; i < 3; i++) {
            assertThat(withToken.send("GET", CLIENTS, null).status()).isEqualTo(200);
        }
    }

    /** How long after the acknowledgement the token got the refusal with this status; fails on any other answer. */
    private static Duration firstRefusal(AdminClient withToken, int status, long acknowledged) {
        Eventually.holds("the remembered token is refused", () -> {
            AdminClient.Answer answer = withToken.send("GET", CLIENTS, null);
            assertThat(answer.status()).as(answer.toString()).isIn(200, status);
            return answer.status() == status;
        });
        return Duration.ofNanos(System.nanoTime() - acknowledged);
    }

    private record Caller(String clientId, String role, AdminClient withToken) {
    }
}
