package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.chain.ChainRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit evidence (GET /api/v1/audit/evidence) checked offline by both verifiers, the Java jar and the Python
 * reference: intact evidence passes, and each fault an intruder with database access can make, made here in
 * PostgreSQL the way they would make it, is named by both, distinctly, at its position. Each fault is undone before
 * the next, and the evidence passes again, which shows that the verdicts follow the data.
 */
// Not @KeyledgerService: edits stored events, links and checkpoints in PostgreSQL.
class AuditEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void whenEachKindOfFaultIsMadeInPostgresql_thenBothVerifiersNameIt() throws Exception {
        Path published = work.resolve("published");
        // Checkpoints on demand only, so that the test knows which exist; their copies go to a folder.
        try (RunningKeyledger keyledger = RunningKeyledger.start(work.resolve("data"),
                "keyledger.audit.checkpoint-interval=PT1H", "keyledger.audit.checkpoint-dir=" + published)) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            Path keys = Files.writeString(work.resolve("audit-keys.json"),
                    keyledger.anonymous().send("GET", "/.well-known/keyledger-audit-keys.json", null).body());

            long before = lastPosition(db);
            admin.post("/api/v1/roles", "{\"name\":\"evidence\",\"permissions\":[\"e:read\"]}");
            clients(admin, 0, 3);
            linkAll(admin);
            long first = checkpoint(admin);
            // A position drawn and never used, as by a transaction that rolled back: the chain passes the hole.
            long hole = db.sql("SELECT nextval('domainevententry_globalindex_seq')").query(Long.class).single();
            clients(admin, 3, 6);
            linkAll(admin);
            long second = checkpoint(admin);
            clients(admin, 6, 8);
            linkAll(admin);
            long third = checkpoint(admin);
            clients(admin, 8, 9);
            linkAll(admin);
            List<Long> positions = db.sql("SELECT globalindex FROM domainevententry WHERE globalindex > ?"
                    + " ORDER BY globalindex").param(before).query(Long.class).list();
            assertThat(positions).doesNotContain(hole).contains(first, second, third);

            Path whole = evidence(keyledger, "");
            assertIntact(EvidenceVerifiers.verify(whole, keys, published), "signed up to position " + third);
            assertIntact(EvidenceVerifiers.verify(evidence(keyledger, "?from=" + positions.get(2) + "&to="
                    + positions.get(9)), keys, published), "signed up to position " + second);

            // An edited event: the name in one registration.
            long edited = registrationOf(db, "evidence-2");
            byte[] payload = column(db, "payload", edited);
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(
                    new String(payload, StandardCharsets.UTF_8).replace("evidence-2", "evidence-X")
                            .getBytes(StandardCharsets.UTF_8), edited).update();
            assertNamed(keyledger, keys, published, "edited-event at position " + edited);
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(payload, edited).update();

            // A deleted event.
            long deleted = positions.get(8);
            Map<String, Object> row = db.sql("SELECT * FROM domainevententry WHERE globalindex = ?").param(deleted)
                    .query().singleRow();
            db.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(deleted).update();
            assertNamed(keyledger, keys, published, "deleted-event at position " + deleted);
            insert(db, row);

            // Two events that trade places, whole rows.
            long earlier = positions.get(4);
            long later = positions.get(10);
            swap(db, earlier, later);
            assertNamed(keyledger, keys, published, "reordered-or-inserted-event at position " + earlier);
            swap(db, earlier, later);

            // An event slipped into the hole the chain passed.
            Map<String, Object> copy = db.sql("SELECT * FROM domainevententry WHERE globalindex = ?")
                    .param(positions.get(3)).query().singleRow();
            copy.put("globalindex", hole);
            copy.put("eventidentifier", "slipped-in");
            copy.put("aggregateidentifier", "slipped-in");
            insert(db, copy);
            assertNamed(keyledger, keys, published, "reordered-or-inserted-event at position " + hole);
            db.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(hole).update();

            // A truncated export: cut at a line's end (no closing line), and cut inside a line.
            List<String> lines = Files.readAllLines(whole);
            Path cut = Files.write(work.resolve("cut.ndjson"), lines.subList(0, lines.size() - 3));
            assertNamedIn(EvidenceVerifiers.verify(cut, keys, published), "truncated-export");
            String text = Files.readString(whole);
            Files.writeString(cut, text.substring(0, text.length() - 200));
            assertNamedIn(EvidenceVerifiers.verify(cut, keys, published), "truncated-export");

            // A checkpoint whose signature fails: its stored signature altered.
            String signature = db.sql("SELECT signature FROM audit_checkpoint WHERE position = ?").param(second)
                    .query(String.class).single();
            String spoiled = (signature.charAt(5) == 'A' ? "B" : "A");
            db.sql("UPDATE audit_checkpoint SET signature = ? WHERE position = ?")
                    .params(signature.substring(0, 5) + spoiled + signature.substring(6), second).update();
            assertNamed(keyledger, keys, published, "checkpoint-signature-invalid at position " + second);
            db.sql("UPDATE audit_checkpoint SET signature = ? WHERE position = ?").params(signature, second).update();

            // A gap in the checkpoint chain: the middle checkpoint deleted (evidence alone, without the published).
            Map<String, Object> checkpoint = db.sql("SELECT * FROM audit_checkpoint WHERE position = ?")
                    .param(second).query().singleRow();
            db.sql("DELETE FROM audit_checkpoint WHERE position = ?").param(second).update();
            assertNamedIn(EvidenceVerifiers.verify(evidence(keyledger, ""), keys),
                    "checkpoint-chain-gap at position " + third);
            insertInto(db, "audit_checkpoint", checkpoint);
            assertIntact(EvidenceVerifiers.verify(evidence(keyledger, ""), keys, published),
                    "signed up to position " + third);

            // History rewritten wholesale after the first checkpoint: an event edited, every later link recomputed
            // by the documented rule, the checkpoints that would tell deleted. The evidence alone now looks intact;
            // the published checkpoints do not agree.
            long rewritten = registrationOf(db, "evidence-3");
            assertThat(rewritten).isBetween(first, second);
            String registration = new String(column(db, "payload", rewritten), StandardCharsets.UTF_8);
            assertThat(registration).contains("evidence-3");
            db.sql("UPDATE domainevententry SET payload = ? WHERE globalindex = ?").params(
                    registration.replace("evidence-3", "rewritten-3").getBytes(StandardCharsets.UTF_8), rewritten)
                    .update();
            relink(db, evidence(keyledger, ""), rewritten);
            JsonNode own = keyledger.admin().send("GET", "/api/v1/audit/verify", null).json();
            assertThat(own.get("intact").asBoolean())
                    .as("the service's own verify, the checkpoints still there: %s", own)
                    .isFalse();
            assertThat(own.get("firstBrokenPosition").asLong()).isEqualTo(second);
            db.sql("DELETE FROM audit_checkpoint WHERE position > ?").param(first).update();
            assertIntact(EvidenceVerifiers.verify(evidence(keyledger, ""), keys), "signed up to position " + first);
            assertNamedIn(EvidenceVerifiers.verify(evidence(keyledger, ""), keys, published),
                    "history-rewritten-after-checkpoint at position " + second);
        }
    }

    /** A checkpoint now, as an operator asks for one; its position. */
    private static long checkpoint(AdminClient admin) {
        AdminClient.Answer made = admin.post("/api/v1/audit/checkpoints", null);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("position").asLong();
    }

    private static void clients(AdminClient admin, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = admin.post("/api/v1/clients", "{\"name\":\"evidence-" + i + "\"}").text("clientId");
            admin.post("/api/v1/clients/" + id + "/disable", null);
        }
    }

    /** Verify links every event it can, and here every event is linkable. */
    private static void linkAll(AdminClient admin) {
        AdminClient.Answer verdict = admin.send("GET", "/api/v1/audit/verify", null);
        assertThat(verdict.json().get("intact").asBoolean()).isTrue();
        assertThat(verdict.json().get("unlinkedEvents").asLong()).isZero();
    }

    private Path evidence(RunningKeyledger keyledger, String query) throws Exception {
        return EvidenceVerifiers.download(keyledger, query, Files.createTempFile(work, "evidence", ".ndjson"));
    }

    private void assertNamed(RunningKeyledger keyledger, Path keys, Path published, String fault) throws Exception {
        assertNamedIn(EvidenceVerifiers.verify(evidence(keyledger, ""), keys, published), fault);
        // Undone by the caller afterwards; the service's own verdict agrees meanwhile.
        assertThat(keyledger.admin().send("GET", "/api/v1/audit/verify", null).json().get("intact").asBoolean())
                .as("the service's own verify, with " + fault).isEqualTo(fault.startsWith("checkpoint"));
    }

    private static void assertNamedIn(EvidenceVerifiers.Outcomes outcomes, String fault) {
        for (EvidenceVerifiers.Outcome outcome : outcomes.both()) {
            assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
            assertThat(outcome.firstLine()).as(outcome.output()).startsWith("FAULT " + fault + ":");
        }
    }

    private static void assertIntact(EvidenceVerifiers.Outcomes outcomes, String signed) {
        for (EvidenceVerifiers.Outcome outcome : outcomes.both()) {
            assertThat(outcome.exitCode()).as(outcome.output()).isZero();
            assertThat(outcome.firstLine()).as(outcome.output()).startsWith("INTACT").contains(signed);
        }
    }

    private static long registrationOf(JdbcClient db, String name) {
        return db.sql("SELECT globalindex FROM domainevententry WHERE payloadtype LIKE '%ClientRegistered'"
                + " AND convert_from(payload, 'UTF8') LIKE ?").param("%\"" + name + "\"%").query(Long.class).single();
    }

    private static long lastPosition(JdbcClient db) {
        return db.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }

    private static byte[] column(JdbcClient db, String column, long position) {
        return db.sql("SELECT " + column + " FROM domainevententry WHERE globalindex = ?").param(position)
                .query(byte[].class).single();
    }

    private static void insert(JdbcClient db, Map<String, Object> row) {
        insertInto(db, "domainevententry", row);
    }

    private static void insertInto(JdbcClient db, String table, Map<String, Object> row) {
        db.sql("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                        + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")")
                .params(row.values().stream().toList()).update();
    }

    /** Two whole rows trade their global positions. */
    private static void swap(JdbcClient db, long first, long second) {
        db.sql("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = ?").param(first).update();
        db.sql("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?").params(first, second).update();
        db.sql("UPDATE domainevententry SET globalindex = ? WHERE globalindex = -1").param(second).update();
    }

    /** What an intruder who read docs/AUDIT-EVIDENCE.md does: every link from {@code from} on, recomputed. */
    @SuppressWarnings("unchecked")
    private static void relink(JdbcClient db, Path evidence, long from) throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] previous = null;
        for (String text : Files.readAllLines(evidence)) {
            Map<String, Object> line = JSON.readValue(text, Map.class);
            if (!"event".equals(line.get("kind"))) {
                continue;
            }
            long position = ((Number) line.get("position")).longValue();
            byte[] link = hex.parseHex((String) line.get("link"));
            if (position >= from) {
                link = ChainRule.link(previous, hex.parseHex((String) line.get("storedDigest")),
                        ChainRule.entryDigest(line.get("entry")));
                db.sql("UPDATE audit_link SET link = ? WHERE global_index = ?").params(link, position).update();
            }
            previous = link;
        }
    }
}
