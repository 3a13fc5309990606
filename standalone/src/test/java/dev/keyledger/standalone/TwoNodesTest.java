package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Keyledger nodes on one PostgreSQL split the views' segments between them; when one stops, the other takes
 * its segments over; and every event is applied exactly once: no client's view misses an event, and the auth
 * view's revision sequence shows exactly one application attempt per event (a redelivery would draw more).
 */
// Not @KeyledgerService: runs two nodes of one deployment.
class TwoNodesTest {

    private static final int EVENTS_PER_CLIENT = 4;

    @TempDir
    Path dir;

    @Test
    void whenOneOfTwoNodesStops_thenTheOtherTakesItsSegmentsAndNoEventIsSkippedOrAppliedTwice() throws Exception {
        try (SharedDatabase database = SharedDatabase.start(dir)) {
            String[] quickTakeover = {
                    "keyledger.query.token-claim-interval=PT0.3S",
                    "axon.eventhandling.tokenstore.claim-timeout=PT3S",
                    "keyledger.query.heartbeat-interval=PT0.2S",
                    "keyledger.query.node-liveness=PT2S"};
            RunningKeyledger first = database.node("first", quickTakeover);
            try (RunningKeyledger second = database.node("second", quickTakeover)) {
                Eventually.holds("both nodes hold two segments each",
                        () -> claimed(first) == 2 && claimed(second) == 2);

                // The bootstrap admin's rows are projected once its token carries every permission.
                first.admin().send("GET", "/api/v1/projections/query-views", null);
                long baseline = revisions(first.jdbc());
                List<String> clients = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    clients.add(lifecycle(i % 2 == 0 ? first : second, i));
                }
                Eventually.holds("views caught up on both nodes", () -> allProjected(second.jdbc(), clients));

                first.close();
                Eventually.holds("the second node took every segment", () -> claimed(second) == 4);
                for (int i = 10; i < 20; i++) {
                    clients.add(lifecycle(second, i));
                }
                Eventually.holds("views caught up after the takeover", () -> allProjected(second.jdbc(), clients));

                long attempts = revisions(second.jdbc()) - baseline;
                // Per client: the registration inserts (1 revision), each later event updates (2: the insert's
                // default, then the update's).
                assertThat(attempts).isEqualTo((long) clients.size() * (1 + 2 * (EVENTS_PER_CLIENT - 1)));
            } finally {
                first.close();
            }
        }
    }

    private static long revisions(JdbcClient db) {
        return db.sql("SELECT last_value FROM query_client_auth_revision").query(Long.class).single();
    }

    private static String lifecycle(RunningKeyledger node, int i) {
        AdminClient admin = node.admin();
        String clientId = admin.post("/api/v1/clients", "{\"name\":\"node-" + i + "\"}").text("clientId");
        String path = "/api/v1/clients/" + clientId;
        projected(node, clientId, 0);
        admin.post(path + "/disable", null);
        projected(node, clientId, 1);
        admin.post(path + "/enable", null);
        projected(node, clientId, 2);
        admin.post(path + "/secrets/rotate", null);
        return clientId;
    }

    /**
     * Waits until the auth view holds the client at this version. The projection writes a batch's events of one
     * client as one row (docs/DECISIONS.md 125), so the revision count is one write per event only when no batch
     * holds two events of a client.
     */
    private static void projected(RunningKeyledger node, String clientId, long version) {
        Eventually.holds("client " + clientId + " projected at version " + version, () -> node.jdbc()
                .sql("SELECT count(*) FROM query_client_auth WHERE client_id = ? AND version >= ?")
                .params(clientId, version).query(Long.class).single() == 1);
    }

    /** Every client's view and auth row are at its last event's version, as the event store has it. */
    private static boolean allProjected(JdbcClient db, List<String> clients) {
        long behind = db.sql("""
                        SELECT count(*) FROM unnest(?::text[]) AS c(id)
                        WHERE NOT EXISTS (SELECT 1 FROM query_client v WHERE v.client_id = c.id AND v.version = ?)
                           OR NOT EXISTS (SELECT 1 FROM query_client_auth a
                                          WHERE a.client_id = c.id AND a.version = ?)""")
                .params(clients.toArray(String[]::new), EVENTS_PER_CLIENT - 1, EVENTS_PER_CLIENT - 1)
                .query(Long.class).single();
        return behind == 0;
    }

    private static int claimed(RunningKeyledger node) {
        return node.admin().send("GET", "/api/v1/projections/query-views", null).json().get("claimedSegments").size();
    }
}
