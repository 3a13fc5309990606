package dev.keyledger.token.accesstoken;

import dev.keyledger.infrastructure.postgres.ChannelListener;
import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocations against a real PostgreSQL: the expired ones go, the live ones stay; the admin API's remembered checks
 * end at once on the node that revokes, at the notification on the others, and within their limit without it.
 */
class RevocationsTest {

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();
    private final Revocations revocations = new Revocations(JdbcClient.create(database.dataSource()));
    private final Instant now = Instant.now();

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE token_revocation");
    }

    @Test
    void whenThePurgeRuns_thenExpiredRevocationsGoAndLiveOnesStay() {
        revoked("expired-long-ago", now.minusSeconds(86_400));
        revoked("expired-past-the-margin", now.minus(Revocations.KEPT_AFTER_EXPIRY).minusSeconds(1));
        revoked("expired-a-moment-ago", now.minusSeconds(5));
        revoked("live", now.plusSeconds(3_600));

        assertThat(revocations.forgetExpired(now)).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT jti FROM token_revocation", String.class))
                .containsExactlyInAnyOrder("expired-a-moment-ago", "live");
        assertThat(revocations.isRevoked("live")).isTrue();
        assertThat(revocations.isRevoked("expired-a-moment-ago")).isTrue();
        assertThat(revocations.isRevoked("expired-long-ago")).isFalse();
    }

    @Test
    void whenThisNodeRevokesARememberedToken_thenItsVeryNextCheckFindsItRevoked() {
        assertThat(revocations.isRevokedAsRemembered("jti-here")).isFalse();

        revocations.revoke(token("jti-here"));

        assertThat(revocations.isRevokedAsRemembered("jti-here")).isTrue();
    }

    /** Listened to as the token endpoint does, beside the auth view's channel, whose callback must not run. */
    @Test
    void whenAnotherNodeRevokes_thenThisNodesRememberedCheckEndsWhenTheNotificationArrives() throws Exception {
        Revocations thisNode = new Revocations(JdbcClient.create(database.dataSource()), new RevocationMemory(() -> 0));
        AtomicInteger authViewRefreshes = new AtomicInteger();
        try (ChannelListener ignored = ChannelListener.start(database.dataSource(), Map.of(
                "keyledger_client_auth", authViewRefreshes::incrementAndGet,
                "keyledger_revocation", thisNode::revokedElsewhere))) {
            assertThat(thisNode.isRevokedAsRemembered("jti-there")).isFalse();

            revocations.revoke(token("jti-there"));

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!thisNode.isRevokedAsRemembered("jti-there") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(thisNode.isRevokedAsRemembered("jti-there")).as("refused once the notification arrived")
                    .isTrue();
            assertThat(authViewRefreshes).hasValue(0);
        }
    }

    @Test
    void whenTheNotificationIsLost_thenTheRememberedCheckEndsWithinItsLimit() {
        long[] nanos = {0};
        Revocations thisNode = new Revocations(JdbcClient.create(database.dataSource()),
                new RevocationMemory(() -> nanos[0]));
        assertThat(thisNode.isRevokedAsRemembered("jti-lost")).isFalse();

        revoked("jti-lost", now.plusSeconds(3_600));

        assertThat(thisNode.isRevokedAsRemembered("jti-lost")).as("remembered, nothing announced").isFalse();
        nanos[0] += RevocationMemory.KEPT_FOR.toNanos();
        assertThat(thisNode.isRevokedAsRemembered("jti-lost")).isTrue();
        assertThat(thisNode.isRevoked("jti-lost")).isTrue();
    }

    private VerifiedToken token(String jti) {
        return new VerifiedToken("c1", jti, "https://issuer", List.of("https://issuer"), Set.of(), List.of(),
                now, now, now.plusSeconds(3_600), "kid-1");
    }

    private void revoked(String jti, Instant expiresAt) {
        jdbc.update("INSERT INTO token_revocation (jti, client_id, expires_at) VALUES (?, 'c1', ?)", jti,
                Timestamp.from(expiresAt));
    }
}
