package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the views' projection rebuilds them from the event store while the service answers, and the rebuilt
 * read model equals the one before, row for row. The client auth view is not touched by a replay at all.
 */
@KeyledgerService
class ReplayTest {

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

    /** The whole table as PostgreSQL prints it, row by row in key order. */
    private static String table(RunningKeyledger keyledger, String table, String key) {
        return keyledger.jdbc().sql("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY " + key + "), '') FROM "
                + table + " t").query(String.class).single();
    }
}
