package dev.keyledger.standalone;

import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client auth view, as the token endpoint will read it, follows the admin API's writes end to end: secrets by
 * hash and slot, effective permissions through role changes, a new revision on every change, and a row that stays
 * when the client is deleted.
 */
@KeyledgerService
class ClientAuthViewTest {

    @Test
    void whenAClientAndItsRoleChange_thenTheAuthViewFollowsWithNewRevisions(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        long rowsBefore = authRows(keyledger);
        String reader = UniqueNames.unique("reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + reader + "\",\"permissions\":[\"a:read\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"svc\",\"roles\":[\"" + reader + "\"],\"allowedAudiences\":[\"https://api.example.com\"]}");
        String id = registered.text("clientId");
        String primary = registered.text("clientSecret");
        Map<String, Object> row = awaitVersion(keyledger, id, 0);
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("primary_hash")).isEqualTo(SecretHash.digest(primary).sha256());
        // The role's creation and the registration may be projected on different segments, in either order.
        Eventually.holds("permissions computed", () -> keyledger.textArray("permissions", id).equals(List.of("a:read")));
        assertThat(keyledger.textArray("allowed_audiences", id)).containsExactly("https://api.example.com");
        long revision = (Long) row.get("revision");

        AdminClient.Answer rotated = admin.post("/api/v1/clients/" + id + "/secrets/rotate", null);
        row = awaitVersion(keyledger, id, 1);
        assertThat(row.get("primary_hash")).isEqualTo(SecretHash.digest(rotated.text("clientSecret")).sha256());
        assertThat(row.get("secondary_hash")).isEqualTo(SecretHash.digest(primary).sha256());
        assertThat((Long) row.get("revision")).isGreaterThan(revision);
        revision = (Long) row.get("revision");

        admin.send("PUT", "/api/v1/roles/" + reader + "/permissions", "{\"permissions\":[\"a:read\",\"a:write\"]}");
        long before = revision;
        Eventually.holds("permissions recomputed", () ->
                keyledger.textArray("permissions", id).equals(List.of("a:read", "a:write")));
        assertThat((Long) authRow(keyledger, id).get("revision")).isGreaterThan(before);

        admin.delete("/api/v1/roles/" + reader);
        Eventually.holds("role's permissions gone", () -> keyledger.textArray("permissions", id).isEmpty());

        admin.delete("/api/v1/clients/" + id);
        Eventually.holds("client deleted", () -> "DELETED".equals(authRow(keyledger, id).get("status")));
        // Its row stays, and it was the only one this test added (others' rows are there too in a shared service).
        assertThat(authRows(keyledger)).isEqualTo(rowsBefore + 1);
    }

    private static Map<String, Object> awaitVersion(RunningKeyledger keyledger, String id, long version) {
        Eventually.holds("auth view at version " + version, () -> keyledger.jdbc()
                .sql("SELECT count(*) FROM query_client_auth WHERE client_id = ? AND version >= ?")
                .params(id, version).query(Long.class).single() == 1);
        return authRow(keyledger, id);
    }

    private static long authRows(RunningKeyledger keyledger) {
        return keyledger.jdbc().sql("SELECT count(*) FROM query_client_auth").query(Long.class).single();
    }

    private static Map<String, Object> authRow(RunningKeyledger keyledger, String id) {
        return keyledger.jdbc().sql("SELECT * FROM query_client_auth WHERE client_id = ?").param(id)
                .query().singleRow();
    }
}
