package dev.keyledger.standalone;

import dev.keyledger.query.client.ClientCounts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client list's totals come from counts its triggers keep (query-side migration V13): they equal counting the
 * view's rows, through registrations, status changes and role changes, and folding the counts of ended database
 * sessions changes no total.
 */
@KeyledgerService
class ClientCountsTest {

    @Test
    void whenClientsAreWrittenAndTheirCountsFolded_thenEveryTotalEqualsCountingTheView(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("counted");
        String other = UniqueNames.unique("counted-too");
        for (String name : List.of(role, other)) {
            admin.post("/api/v1/roles", "{\"name\":\"" + name + "\",\"permissions\":[\"c:read\"]}");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(admin.post("/api/v1/clients", "{\"name\":\"" + UniqueNames.unique("counted") + "\",\"roles\":[\""
                    + role + "\"" + (i == 0 ? ",\"" + other + "\"" : "") + "]}").text("clientId"));
        }
        AdminClient.Answer disabled = admin.post("/api/v1/clients/" + ids.get(1) + "/disable", null);
        AdminClient.Answer unassigned = admin.delete("/api/v1/clients/" + ids.get(2) + "/roles/" + role);
        AdminClient.Answer assigned = admin.put("/api/v1/clients/" + ids.get(3) + "/roles/" + other);
        admin.send("GET", "/api/v1/clients/" + ids.get(1) + "?minVersion=" + disabled.version(), null);
        admin.send("GET", "/api/v1/clients/" + ids.get(2) + "?minVersion=" + unassigned.version(), null);
        admin.send("GET", "/api/v1/clients/" + ids.get(3) + "?minVersion=" + assigned.version(), null);

        assertThat(total(admin, "role=" + role)).isEqualTo(3);
        assertThat(total(admin, "role=" + role + "&status=DISABLED")).isEqualTo(1);
        assertThat(total(admin, "role=" + role + "&status=ACTIVE")).isEqualTo(2);
        assertThat(total(admin, "role=" + other)).isEqualTo(2);
        assertEqualsCounting(keyledger, admin);

        // A session that has ended, as the fold finds it: its counts move to slot 0, no total changes.
        keyledger.jdbc().sql("INSERT INTO query_client_count (slot, status, role, n) VALUES (?, 'ACTIVE', ?, 5),"
                + " (0, 'ACTIVE', ?, -5) ON CONFLICT (slot, status, role) DO UPDATE SET n = query_client_count.n"
                + " + EXCLUDED.n").params(Integer.MAX_VALUE, role, role).update();
        keyledger.bean(ClientCounts.class).foldEndedSessions();

        assertThat(keyledger.jdbc().sql("SELECT count(*) FROM query_client_count WHERE slot = ?")
                .param(Integer.MAX_VALUE).query(Long.class).single()).isZero();
        assertThat(total(admin, "role=" + role + "&status=ACTIVE")).isEqualTo(2);
        assertEqualsCounting(keyledger, admin);
    }

    /** Every status' total and the whole list's, against count(*) read before and after it unchanged. */
    private static void assertEqualsCounting(RunningKeyledger keyledger, AdminClient admin) {
        for (String status : List.of("", "ACTIVE", "DISABLED", "DELETED")) {
            String where = status.isEmpty() ? "" : " WHERE status = '" + status + "'";
            while (true) {
                long before = keyledger.jdbc().sql("SELECT count(*) FROM query_client" + where).query(Long.class).single();
                long total = total(admin, status.isEmpty() ? "" : "status=" + status);
                long after = keyledger.jdbc().sql("SELECT count(*) FROM query_client" + where).query(Long.class).single();
                if (before == after) {
                    assertThat(total).as("clients%s", where).isEqualTo(before);
                    break;
                }
            }
        }
    }

    private static long total(AdminClient admin, String query) {
        AdminClient.Answer answer = admin.send("GET", "/api/v1/clients?" + query, null);
        assertThat(answer.status()).as(query).isEqualTo(200);
        return answer.json().get("total").asLong();
    }
}
