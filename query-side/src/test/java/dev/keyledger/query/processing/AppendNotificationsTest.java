package dev.keyledger.query.processing;

import dev.keyledger.infrastructure.postgres.ChannelListener;
import dev.keyledger.query.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels the sides signal each other on, against a real PostgreSQL: the triggers of the event store and of
 * the client auth view notify at commit, and a listener hears them (a broken trigger would otherwise hide behind
 * the fallback polls).
 */
class AppendNotificationsTest {

    private static final String AUTH_VIEW_CHANNEL = "keyledger_client_auth";

    private final JdbcClient jdbc = TestDatabase.emptied();
    private final AtomicInteger heard = new AtomicInteger();

    @Test
    void whenEventsAreAppended_thenTheListenerHearsOfItAtCommit() throws Exception {
        try (ChannelListener ignored = ChannelListener.start(TestDatabase.dataSource(), AppendNotifications.CHANNEL,
                heard::incrementAndGet)) {
            int before = listening(AppendNotifications.CHANNEL);
            jdbc.sql("""
                    INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type,
                        timestamp, payloadtype, payloadrevision, payload, metadata)
                    VALUES ('e-1', 'client-1', 0, 'Client', '2026-11-29T00:00:00Z', 'x', '1', '{}'::bytea,
                        '{}'::bytea)""").update();
            assertThat(heardAfter(before)).isTrue();
        }
    }

    @Test
    void whenTheAuthViewChanges_thenTheListenerHearsOfItAtCommit() throws Exception {
        try (ChannelListener ignored = ChannelListener.start(TestDatabase.dataSource(), AUTH_VIEW_CHANNEL,
                heard::incrementAndGet)) {
            int before = listening(AUTH_VIEW_CHANNEL);
            jdbc.sql("""
                    INSERT INTO query_client_auth (client_id, status, primary_secret_id, primary_hash, roles,
                        permissions, access_token_ttl_seconds, allowed_audiences, version)
                    VALUES ('client-1', 'ACTIVE', 's-1', 'h', '{}', '{}', 3600, '{}', 0)""").update();
            assertThat(heardAfter(before)).isTrue();
        }
    }

    /** Probes the channel until the listener (on its own thread) hears; answers how often it heard so far. */
    private int listening(String channel) throws InterruptedException {
        for (int probe = 0; probe < 100 && heard.get() == 0; probe++) {
            jdbc.sql("SELECT pg_notify(?, 'probe')").param(channel).query().singleRow();
            Thread.sleep(50);
        }
        assertThat(heard.get()).as("the listener heard a probe").isPositive();
        Thread.sleep(200); // the last probe, if it was still on its way
        return heard.get();
    }

    private boolean heardAfter(int before) throws InterruptedException {
        for (int wait = 0; wait < 100 && heard.get() == before; wait++) {
            Thread.sleep(50);
        }
        return heard.get() > before;
    }
}
