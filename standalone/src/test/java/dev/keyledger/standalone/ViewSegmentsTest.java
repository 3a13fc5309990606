package dev.keyledger.standalone;

import dev.keyledger.query.processing.QueryViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On its embedded PostgreSQL, which no other node can reach, the standalone service projects the views in one segment
 * (docs/DECISIONS.md 144), whose work runs on the processor's coordinating thread (147); a configured count wins. On a
 * PostgreSQL of its own the nodes share four ({@link TwoNodesTest}).
 */
class ViewSegmentsTest {

    /** Axon's own pool for the work packages of the views' processor. */
    private static final String WORK_PACKAGES = "WorkPackage[" + QueryViews.PROCESSING_GROUP + "]";

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
    void whenTheViewsAreOneSegment_thenTheirWorkRunsOnTheCoordinatorsThread() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            assertThat(keyledger.admin().post("/api/v1/clients", "{\"name\":\"one-thread\"}").status()).isEqualTo(201);
            Eventually.holds("the views caught up", () -> ViewsProgress.caughtUp(keyledger));

            assertThat(threadsNamed("keyledger-views")).isNotEmpty();
            Eventually.holds("no work package thread of their own", () -> threadsNamed(WORK_PACKAGES).isEmpty());
        }
    }

    @Test
    void whenSegmentsAreConfigured_thenTheConfiguredCountWins() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir, "keyledger.query.segments=4")) {
            Eventually.holds("the views' segments claimed", () -> ViewsProgress.caughtUp(keyledger));

            assertThat(ViewsProgress.segments(keyledger)).isEqualTo(4);
            assertThat(threadsNamed(WORK_PACKAGES)).isNotEmpty();
        }
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
                .toList();
    }
}
