package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.query.processing.QueryViews;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the views' projection rebuilds them from the event store while the service answers, and the rebuilt
 * read model equals the one before, row for row. The client auth view is not touched by the replayed events, only
 * by those that came after the replay began.
 */
@KeyledgerService
class ReplayTest {

    /** {@code ViewLock}'s key: holding it keeps a rebuild at its first page for as long as a test needs. */
    private static final long VIEW_LOCK = 0x4b4c_5156_0001L;

    @Test
    void whenTheViewsAreReplayed_thenTheReadModelIsRebuiltEqualToWhatItWas(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String reader = UniqueNames.unique("reader");
        String writer = UniqueNames.unique("writer");
        admin.post("/api/v1/roles", "{\"name\":\"" + reader + "\",\"permissions\":[\"a:read\"]}");
        admin.post("/api/v1/roles", "{\"name\":\"" + writer + "\",\"permissions\":[\"a:write\"]}");
        for (int i = 0; i < 12; i++) {
            String path = "/api/v1/clients/" + admin.post("/api/v1/clients",
                    "{\"name\":\"replayed-" + i + "\",\"roles\":[\"" + reader + "\"]}").text("clientId");
            admin.post(path + "/secrets/rotate", null);
            if (i % 3 == 0) {
                admin.put(path + "/roles/" + writer);
            }
            if (i % 4 == 0) {
                admin.post(path + "/disable", null);
            }
            if (i % 5 == 0) {
                admin.delete(path);
            }
        }
        admin.send("PUT", "/api/v1/roles/" + reader + "/permissions", "{\"permissions\":[\"a:read\",\"b:read\"]}");
        admin.delete("/api/v1/roles/" + writer);
        Eventually.holds("views caught up", () -> ViewsProgress.caughtUp(keyledger));
        String clients = table(keyledger, "query_client", "client_id");
        String roles = table(keyledger, "query_role", "role_name");
        String auth = table(keyledger, "query_client_auth", "client_id");

        AdminClient.Answer started = admin.post("/api/v1/projections/query-views/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("name")).isEqualTo("query-views");
        assertThat(admin.send("GET", "/api/v1/clients", null).status()).isEqualTo(200);
        Eventually.holds("replay finished", () -> ViewsProgress.caughtUp(keyledger));

        assertThat(table(keyledger, "query_client", "client_id")).isEqualTo(clients);
        assertThat(table(keyledger, "query_role", "role_name")).isEqualTo(roles);
        assertThat(table(keyledger, "query_client_auth", "client_id")).isEqualTo(auth);
        assertThat(admin.post("/api/v1/projections/no-such/replay", null).status()).isEqualTo(404);
    }

    @Test
    void whenEventsCameWhileTheViewsStood_thenTheReplayGivesThemToTheAuthView(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String clientId = admin.post("/api/v1/clients", "{\"name\":\"stood-still\"}").text("clientId");
        Eventually.holds("auth row written", () -> "ACTIVE".equals(authStatus(keyledger, clientId)));
        views(keyledger).shutDown();

        assertThat(admin.post("/api/v1/clients/" + clientId + "/disable", null).status()).isEqualTo(200);
        assertThat(authStatus(keyledger, clientId)).as("nothing projected while the views stand").isEqualTo("ACTIVE");
        assertThat(admin.post("/api/v1/projections/query-views/replay", null).status()).isEqualTo(202);
        Eventually.holds("replay finished", () -> ViewsProgress.caughtUp(keyledger));

        // The disabling came after the replay's starting point: live, though the rebuild was the one to read it.
        assertThat(authStatus(keyledger, clientId)).isEqualTo("DISABLED");
        assertThat(keyledger.jdbc().sql("SELECT status FROM query_client WHERE client_id = ?").param(clientId)
                .query(String.class).single()).isEqualTo("DISABLED");
    }

    @Test
    void whileAReplayRuns_thenItsStatusSaysSoAndAnotherIsRefused(RunningKeyledger keyledger) throws Exception {
        AdminClient admin = keyledger.admin();
        admin.post("/api/v1/clients", "{\"name\":\"replayed-while-held\"}");
        Eventually.holds("views caught up", () -> ViewsProgress.caughtUp(keyledger));
        String clients = table(keyledger, "query_client", "client_id");
        try (Connection viewLock = keyledger.bean(DataSource.class).getConnection()) {
            viewLock.createStatement().execute("SELECT pg_advisory_lock(" + VIEW_LOCK + ")");
            assertThat(admin.post("/api/v1/projections/query-views/replay", null).status()).isEqualTo(202);

            JsonNode status = admin.send("GET", "/api/v1/projections/query-views", null).json();
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("replaying").asBoolean()).isTrue();
            assertThat(status.get("claimedSegments")).hasSize(ViewsProgress.segments(keyledger))
                    .allSatisfy(segment -> assertThat(segment.get("caughtUp").asBoolean()).isFalse());
            AdminClient.Answer again = admin.post("/api/v1/projections/query-views/replay", null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(again.text("detail")).contains("being replayed already");
            viewLock.createStatement().execute("SELECT pg_advisory_unlock(" + VIEW_LOCK + ")");
        }
        Eventually.holds("replay finished", () -> ViewsProgress.caughtUp(keyledger));
        assertThat(table(keyledger, "query_client", "client_id")).isEqualTo(clients);
    }

    @Test
    void whenTheRebuildFails_thenTheProcessorFinishesTheReplayFromWhereItStopped(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        for (int i = 0; i < 3; i++) {
            admin.post("/api/v1/clients", "{\"name\":\"before-the-failure-" + i + "\"}");
        }
        String failing = UniqueNames.unique("fails-once-rebuilt");
        admin.post("/api/v1/clients", "{\"name\":\"" + failing + "\"}");
        admin.post("/api/v1/clients", "{\"name\":\"after-the-failure\"}");
        Eventually.holds("views caught up", () -> ViewsProgress.caughtUp(keyledger));
        String clients = table(keyledger, "query_client", "client_id");
        JdbcClient db = keyledger.jdbc();
        // A sequence counts the failed writes: unlike the writes, its value survives their rollback.
        db.sql("CREATE SEQUENCE replay_test_failures").update();
        db.sql("CREATE FUNCTION replay_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " PERFORM nextval('replay_test_failures'); RAISE EXCEPTION 'written by a test to fail'; END $$")
                .update();
        db.sql("CREATE TRIGGER replay_test_fail BEFORE INSERT ON query_client FOR EACH ROW WHEN (NEW.name = '"
                + failing + "') EXECUTE FUNCTION replay_test_fail()").update();
        try {
            assertThat(admin.post("/api/v1/projections/query-views/replay", null).status()).isEqualTo(202);
            // The rebuild fails once at the client's page, and the processor, started in its place, fails there too.
            Eventually.holds("rebuild and processor failed", () -> db.sql(
                    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM replay_test_failures")
                    .query(Long.class).single() >= 2);
        } finally {
            db.sql("DROP TRIGGER replay_test_fail ON query_client").update();
            db.sql("DROP FUNCTION replay_test_fail()").update();
            db.sql("DROP SEQUENCE replay_test_failures").update();
        }
        Eventually.holds("replay finished", () -> ViewsProgress.caughtUp(keyledger));
        assertThat(table(keyledger, "query_client", "client_id")).isEqualTo(clients);
    }

    private static StreamingEventProcessor views(RunningKeyledger keyledger) {
        return keyledger.bean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(QueryViews.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static String authStatus(RunningKeyledger keyledger, String clientId) {
        return keyledger.jdbc().sql("SELECT status FROM query_client_auth WHERE client_id = ?").param(clientId)
                .query(String.class).optional().orElse(null);
    }

    /** The whole table as PostgreSQL prints it, row by row in key order. */
    private static String table(RunningKeyledger keyledger, String table, String key) {
        return keyledger.jdbc().sql("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY " + key + "), '') FROM "
                + table + " t").query(String.class).single();
    }
}
