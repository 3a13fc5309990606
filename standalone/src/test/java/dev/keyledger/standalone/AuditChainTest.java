package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain catches every kind of tampering with the stored events, done the way an intruder with database
 * access would do it: directly in PostgreSQL. Each tampering is undone before the next, and the chain is intact
 * again each time, which shows that the verdict follows the data and nothing else. An edit made before the linker
 * reaches an event is caught too, events not linked yet are reported apart, and a store with the legacy chain is
 * re-anchored on it with both chains verified.
 */
// Not @KeyledgerService: edits stored events in PostgreSQL (a failure midway breaks the chain) and counts all.
class AuditChainTest {

    /** The chain linker's advisory lock (ChainLinker.LOCK_KEY): whoever holds it keeps the linker out. */
    private static final long LINKER_LOCK = 0x4b4c_4348_0001L;

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

    @Test
    void whenAnEventIsEditedBeforeTheLinkerReachesIt_thenVerifyStillFindsTheEdit() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir);
             Connection linkerLock = keyledger.bean(DataSource.class).getConnection()) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();
            // Holding the linker's lock keeps the window between append and link open as long as needed.
            linkerLock.createStatement().execute("SELECT pg_advisory_lock(" + LINKER_LOCK + ")");
            String id = admin.post("/api/v1/clients", "{\"name\":\"window-0\"}").text("clientId");
            long position = db.sql("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?")
                    .param(id).query(Long.class).single();
            assertThat(db.sql("SELECT count(*) FROM audit_link WHERE global_index >= ?").param(position)
                    .query(Long.class).single()).as("linked already").isZero();

            byte[] payload = db.sql("SELECT payload FROM domainevententry WHERE globalindex = ?").param(position)
                    .query(byte[].class).single();
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(
                    new String(payload, StandardCharsets.UTF_8).replace("window-0", "window-X")
                            .getBytes(StandardCharsets.UTF_8), position).update();
            linkerLock.createStatement().execute("SELECT pg_advisory_unlock(" + LINKER_LOCK + ")");
            JsonNode verdict = verify(admin);
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(position);
            assertThat(verdict.get("unlinkedEvents").asLong()).isZero();

            // Undoing the edit does not undo the evidence: the link holds the digest as appended and the entry as the
            // linker found it, which no row can match any more.
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(payload, position).update();
            assertBrokenAt(admin, position);
        }
    }

    @Test
    void whenAWriterHoldsAPositionOpen_thenTheEventsAfterItAreReportedUnlinkedAndNotJudged() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            AdminClient admin = keyledger.admin();
            long stored = keyledger.eventCount();
            try (Connection open = keyledger.bean(DataSource.class).getConnection()) {
                open.setAutoCommit(false);
                // A transaction that has drawn the next position and not committed yet.
                open.createStatement().executeUpdate("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        SELECT 'open-writer', 0, type, 'open-writer-event', metadata, payload, payloadrevision,
                            payloadtype, timestamp FROM domainevententry ORDER BY globalindex LIMIT 1""");
                admin.post("/api/v1/clients", "{\"name\":\"after-the-open-writer\"}");
                long after = keyledger.eventCount() - stored;

                JsonNode verdict = verify(admin);
                assertThat(verdict.get("intact").asBoolean()).isTrue();
                assertThat(verdict.get("checkedEvents").asLong()).isEqualTo(stored);
                assertThat(verdict.get("unlinkedEvents").asLong()).isEqualTo(after);
                open.rollback();
            }
            JsonNode verdict = verify(admin);
            assertThat(verdict.get("unlinkedEvents").asLong()).isZero();
            assertThat(verdict.get("checkedEvents").asLong()).isEqualTo(keyledger.eventCount());
        }
    }

    @Test
    void whenTheStoreHasTheLegacyChain_thenTheNewChainReanchorsOnItsHeadAndBothAreVerified() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            admin.post("/api/v1/roles", "{\"name\":\"legacy\",\"permissions\":[\"l:read\"]}");
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();
            byte[] legacyHead = legacyStore(keyledger.bean(DataSource.class));
            long legacyPosition = db.sql("SELECT max(global_index) FROM audit_chain").query(Long.class).single();
            admin.post("/api/v1/clients", "{\"name\":\"after-the-migration\"}");

            JsonNode verdict = verify(admin);
            assertThat(verdict.get("intact").asBoolean()).isTrue();
            assertThat(verdict.get("checkedEvents").asLong()).isEqualTo(keyledger.eventCount());
            Map<String, Object> anchor = db.sql("SELECT legacy_position, legacy_head FROM audit_chain_anchor")
                    .query().singleRow();
            assertThat(anchor.get("legacy_position")).isEqualTo(legacyPosition);
            assertThat((byte[]) anchor.get("legacy_head")).isEqualTo(legacyHead);

            // The export starts from the re-anchored genesis, and both offline verifiers accept it.
            Path evidence = EvidenceVerifiers.download(keyledger, "", dataDir.resolve("evidence.ndjson"));
            assertThat(Files.readAllLines(evidence).get(0))
                    .contains("\"legacyHeadHash\":\"" + HexFormat.of().formatHex(legacyHead) + "\"");
            Path keys = Files.writeString(dataDir.resolve("keys.json"), "{\"keys\":[]}");
            for (EvidenceVerifiers.Outcome outcome : EvidenceVerifiers.verify(evidence, keys).both()) {
                assertThat(outcome.exitCode()).as(outcome.output()).isZero();
            }

            // The legacy chain is still verified by its own rule.
            long tampered = legacyPosition - 1;
            byte[] link = db.sql("SELECT link FROM audit_chain WHERE global_index = ?").param(tampered)
                    .query(byte[].class).single();
            db.sql("UPDATE audit_chain SET link = ? WHERE global_index = ?").params(new byte[32], tampered).update();
            assertBrokenAt(admin, tampered);
            db.sql("UPDATE audit_chain SET link = ? WHERE global_index = ?").params(link, tampered).update();
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();
        }
    }

    /**
     * Turns the store into one the version before issue 12 left: the legacy chain over every event, computed by its
     * rule, and no new chain. Under the linker's lock, so that it cannot relink in between.
     */
    private static byte[] legacyStore(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SELECT pg_advisory_xact_lock(" + LINKER_LOCK + ")");
            connection.createStatement().execute("DELETE FROM audit_link");
            connection.createStatement().execute("DELETE FROM audit_chain");
            byte[] link = new byte[32];
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT globalindex,"
                    + " int8send(globalindex) || keyledger_stored_form(e) FROM domainevententry e ORDER BY globalindex");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO audit_chain (global_index, link) VALUES (?, ?)")) {
                while (rows.next()) {
                    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                    sha256.update(link);
                    link = sha256.digest(rows.getBytes(2));
                    insert.setLong(1, rows.getLong(1));
                    insert.setBytes(2, link);
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return link;
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
