package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints on the schedule ({@code keyledger.audit.checkpoint-interval}): one follows the events linked in an
 * interval, and intervals in which nothing was linked add none.
 */
// Not @KeyledgerService: its own interval, and it counts every checkpoint of its store.
class AuditCheckpointScheduleTest {

    @TempDir
    Path dataDir;

    @Test
    void whenEventsAreLinkedInAnInterval_thenACheckpointFollowsAndQuietIntervalsAddNone() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "keyledger.audit.checkpoint-interval=PT0.5S")) {
            AdminClient admin = keyledger.admin();
            assertThat(admin.post("/api/v1/roles", "{\"name\":\"scheduled\",\"permissions\":[\"a:read\"]}").status())
                    .isEqualTo(201);
            long last = keyledger.jdbc().sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();

            Eventually.holds("a checkpoint covers the role's event", () -> latest(admin) != null
                    && latest(admin).get("position").asLong() == last);
            long made = count(keyledger);
            RunningKeyledger.sleep(Duration.ofSeconds(3));

            assertThat(count(keyledger)).as("checkpoints after six quiet intervals").isEqualTo(made);
            assertThat(latest(admin).get("eventCount").asLong()).isEqualTo(keyledger.eventCount());
        }
    }

    private static JsonNode latest(AdminClient admin) {
        JsonNode items = admin.send("GET", "/api/v1/audit/checkpoints?limit=1000", null).json().get("items");
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    private static long count(RunningKeyledger keyledger) {
        return keyledger.jdbc().sql("SELECT count(*) FROM audit_checkpoint").query(Long.class).single();
    }
}
