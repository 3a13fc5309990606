package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On its embedded PostgreSQL, which no other node can reach, the standalone service projects the views in one segment
 * (docs/DECISIONS.md 144); a configured count wins. On a PostgreSQL of its own the nodes share four
 * ({@link TwoNodesTest}).
 */
class ViewSegmentsTest {

    @TempDir
    Path dir;

    @Test
    void whenTheServiceRunsOnItsEmbeddedPostgres_thenTheViewsAreOneSegment() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            Eventually.holds("the views' segment claimed", () -> ViewsProgress.caughtUp(keyledger));

            assertThat(ViewsProgress.segments(keyledger)).isEqualTo(1);
        }
    }

    @Test
    void whenSegmentsAreConfigured_thenTheConfiguredCountWins() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir, "keyledger.query.segments=4")) {
            Eventually.holds("the views' segments claimed", () -> ViewsProgress.caughtUp(keyledger));

            assertThat(ViewsProgress.segments(keyledger)).isEqualTo(4);
        }
    }
}
