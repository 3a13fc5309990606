package dev.keyledger.standalone;

import dev.keyledger.query.replay.ProjectionReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay asked for while the service stops (its rebuild thread already gone) is refused in the endpoint's own
 * format, not answered with a server error.
 */
// Not @KeyledgerService: stops the replay's rebuild thread for good.
class ReplayWhileStoppingTest {

    @TempDir
    Path dataDir;

    @Test
    void whenTheRebuildThreadIsGone_thenAReplayIsAConflictNotAServerError() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            keyledger.bean(ProjectionReplay.class).close();

            AdminClient.Answer answer = keyledger.admin().post("/api/v1/projections/query-views/replay", null);

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.text("detail")).contains("while the service stops");
        }
    }
}
