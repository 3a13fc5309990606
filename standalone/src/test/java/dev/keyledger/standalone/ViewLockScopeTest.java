package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' advisory lock (`ViewLock`) belongs to the views' processor alone: while something holds it, the views
 * wait, but a command, whose transaction also runs the command side's lookups, does not.
 */
@KeyledgerService
class ViewLockScopeTest {

    /** `ViewLock.LOCK_KEY`. */
    private static final long VIEW_LOCK = 0x4b4c_5156_0001L;

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenTheViewsLockIsHeld_thenCommandsStillComplete() throws Exception {
        assertThat(admin.post("/api/v1/roles", "{\"name\":\"lock-scope\",\"permissions\":[\"x:y\"]}").status())
                .isEqualTo(201);
        String clientId = admin.post("/api/v1/clients", "{\"name\":\"lock-scope\"}").text("clientId");

        try (Connection holder = keyledger.bean(DataSource.class).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + VIEW_LOCK + ")");
            }
            CompletableFuture<Integer> assigned = CompletableFuture.supplyAsync(
                    () -> admin.put("/api/v1/clients/" + clientId + "/roles/lock-scope").status());

            // A liveness bound, not a speed check: with the lock in the command's transaction it never completes.
            assertThat(assigned.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            holder.rollback();
        }
    }
}
