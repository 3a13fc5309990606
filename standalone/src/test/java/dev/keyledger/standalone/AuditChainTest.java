package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain catches every kind of tampering with the stored events, done the way an intruder with database
 * access would do it: directly in PostgreSQL. Each tampering is undone before the next, and the chain is intact
 * again each time, which shows that the verdict follows the data and nothing else.
 */
// Not @KeyledgerService: edits stored events in PostgreSQL (a failure midway breaks the chain) and counts all.
class AuditChainTest {

    @TempDir
    Path dataDir;

    @Test
    void whenStoredEventsAreEditedDeletedOrReordered_thenVerifyReportsTheFirstBrokenPosition() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            // The store already holds the bootstrap admin and the first signing key: count positions after them.
            long before = db.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
            admin.post("/api/v1/roles", "{\"name\":\"chained\",\"permissions\":[\"c:read\"]}");
            for (int i = 0; i < 4; i++) {
                String id = admin.post("/api/v1/clients", "{\"name\":\"chain-" + i + "\"}").text("clientId");
                admin.post("/api/v1/clients/" + id + "/disable", null);
            }
            List<Long> positions = db.sql("SELECT globalindex FROM domainevententry WHERE globalindex > ? ORDER BY globalindex")
                    .param(before).query(Long.class).list();
            long stored = db.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
            long third = positions.get(2);
            long fourth = positions.get(3);
            long fifth = positions.get(4);
            long seventh = positions.get(6);

            JsonNode intact = verify(admin);
            assertThat(intact.get("intact").asBoolean()).isTrue();
            assertThat(intact.get("checkedEvents").asLong()).isEqualTo(stored);
            assertThat(intact.get("headHash").asText()).hasSize(64);
            assertThat(intact.get("firstBrokenPosition").isNull()).isTrue();

            // Edit: the name in one registration.
            byte[] payload = db.sql("SELECT payload FROM domainevententry WHERE globalindex = ?").param(fourth)
                    .query(byte[].class).single();
            String edited = new String(payload, StandardCharsets.UTF_8).replace("chain-1", "chain-X");
            assertThat(edited).contains("chain-X");
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?")
                    .params(edited.getBytes(StandardCharsets.UTF_8), fourth).update();
            assertBrokenAt(admin, fourth);
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(payload, fourth).update();
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();

            // Delete: a whole row.
            Map<String, Object> row = db.sql("SELECT * FROM domainevententry WHERE globalindex = ?").param(seventh)
                    .query().singleRow();
            db.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(seventh).update();
            assertBrokenAt(admin, seventh);
            db.sql("INSERT INTO domainevententry (" + String.join(", ", row.keySet()) + ") VALUES ("
                    + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")")
                    .params(row.values().stream().toList()).update();
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();

            // Reorder: two events swap places (their payloads).
            swap(db, third, fifth);
            assertBrokenAt(admin, third);
            swap(db, third, fifth);
            JsonNode restored = verify(admin);
            assertThat(restored.get("intact").asBoolean()).isTrue();
            assertThat(restored.get("headHash").asText()).isEqualTo(intact.get("headHash").asText());
        }
    }

    /** Two events trade places: each row takes the other's payload, as if the history were reordered. */
    private static void swap(JdbcClient db, long first, long second) {
        db.sql("""
                UPDATE domainevententry e SET payload = o.payload, payloadtype = o.payloadtype
                FROM domainevententry o
                WHERE e.globalindex IN (?, ?) AND o.globalindex IN (?, ?) AND o.globalindex <> e.globalindex""")
                .params(first, second, first, second)
                .update();
    }

    private static JsonNode verify(AdminClient admin) {
        AdminClient.Answer answer = admin.send("GET", "/api/v1/audit/verify", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static void assertBrokenAt(AdminClient admin, long position) {
        JsonNode verdict = verify(admin);
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(position);
    }
}
