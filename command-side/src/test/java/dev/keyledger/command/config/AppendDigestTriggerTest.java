package dev.keyledger.command.config;

import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The append trigger's digest of each row (db/eventstore V4, in PL/pgSQL) equals the digest of the reference stored
 * form, {@code keyledger_stored_form} (V3), for rows of every shape: nulls where the columns allow them, text beyond
 * ASCII, empty and large values, sequence numbers of every size.
 */
class AppendDigestTriggerTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient db;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        SchemaMigrations.apply(postgres.getPostgresDatabase(), "eventstore");
        db = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void whenRowsOfEveryShapeAreAppended_thenEachDigestIsTheReferenceFormsDigest() {
        byte[] large = new byte[300_000];
        Arrays.fill(large, (byte) '7');
        append(1, "event-1", "client-1", 0, "Client", "2026-12-05T01:02:03.456Z", "a.Registered", null,
                "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        append(2, "événement-ü€😀", "clïent-2", Long.MAX_VALUE, null, "2026-12-05T01:02:03Z", "b.Changed", "7",
                "{\"name\":\"日本\"}".getBytes(StandardCharsets.UTF_8), null);
        append(3, "", "", -1, "", "", "", "", new byte[0], new byte[0]);
        append(4, "event-4", "client-4", 255, "Role", "2026-12-05T01:02:03.456789Z", "c.Large", null, large,
                large);

        assertThat(db.sql("SELECT count(*) FROM audit_append_digest").query(Long.class).single()).isEqualTo(4);
        assertThat(db.sql("SELECT e.globalindex FROM domainevententry e JOIN audit_append_digest d"
                        + " ON d.global_index = e.globalindex WHERE d.stored_digest <> sha256(keyledger_stored_form(e))")
                .query(Long.class).list()).isEmpty();
    }

    private static void append(long position, String eventId, String aggregateId, long sequence, String type,
                               String timestamp, String payloadType, String revision, byte[] payload,
                               byte[] metadata) {
        db.sql("INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber,"
                        + " type, timestamp, payloadtype, payloadrevision, payload, metadata)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(position, eventId, aggregateId, sequence, type, timestamp, payloadType, revision, payload,
                        metadata)
                .update();
    }
}
