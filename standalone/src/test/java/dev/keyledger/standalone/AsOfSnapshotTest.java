package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?asOf=} over a stream with snapshots (one every three events here; a thousand by default) answers what
 * folding the whole stream answers, at every instant of its history, snapshots before and after it included.
 */
@KeyledgerService(properties = "keyledger.query.as-of-snapshot-every=3")
class AsOfSnapshotTest {

    private static final int CHANGES = 10;

    @Test
    void whenSnapshotsOfAStreamExist_thenEveryInstantOfItsHistoryReadsAsItsWholeStreamFolded(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("long-story") + "\",\"description\":\"revision 0\"}");
        String path = "/api/v1/clients/" + registered.text("clientId");
        List<JsonNode> written = new ArrayList<>(List.of(((ObjectNode) registered.json()).without("clientSecret")));
        for (int revision = 1; revision <= CHANGES; revision++) {
            written.add(admin.patch(path, "{\"description\":\"revision " + revision + "\"}").json());
        }

        // Latest first: the first read keeps every snapshot, which the earlier instants must then pass over.
        for (int revision = CHANGES; revision >= 0; revision--) {
            assertAsOf(admin, path, written, revision);
        }
        assertThat(keyledger.jdbc().sql("SELECT count(*) FROM query_client_snapshot WHERE client_id = ?")
                .param(registered.text("clientId")).query(Long.class).single()).isEqualTo((CHANGES + 1) / 3);
        for (int revision = 0; revision <= CHANGES; revision++) {
            assertAsOf(admin, path, written, revision);
        }
    }

    /** The state at the instant of a write is that of the last write of the same instant (milliseconds). */
    private static void assertAsOf(AdminClient admin, String path, List<JsonNode> written, int revision) {
        Instant at = Instant.parse(written.get(revision).get("updatedAt").asText());
        int expected = revision;
        while (expected + 1 < written.size()
                && !Instant.parse(written.get(expected + 1).get("updatedAt").asText()).isAfter(at)) {
            expected++;
        }
        AdminClient.Answer answer = admin.send("GET", path + "?asOf=" + at, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).as("as of revision %d's instant", revision).isEqualTo(written.get(expected));
    }
}
