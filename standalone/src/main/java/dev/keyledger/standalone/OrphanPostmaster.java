package dev.keyledger.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * After a crash of the JVM ({@code kill -9}), the embedded PostgreSQL it started keeps running, holding the data
 * folder. The caller holds the data folder's lock, so no live Keyledger owns that postmaster: it is stopped (smart
 * shutdown: its clients died with the JVM) before a new one starts on the same data.
 */
final class OrphanPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pidOf(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(OrphanPostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        LOG.warn("stopping orphaned embedded PostgreSQL (pid {}) left by an earlier crash on {}", orphan.pid(), pgdata);
        orphan.destroy();
        try {
            orphan.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("orphaned PostgreSQL (pid " + orphan.pid() + ") did not stop within "
                    + SHUTDOWN_WAIT.toSeconds() + " s; stop it by hand", e);
        }
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }
}
