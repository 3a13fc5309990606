package dev.keyledger.command.refusal;

import dev.keyledger.kernel.VersionedCommand;

import java.util.Map;

/** The caller's {@code If-Match} version is not the aggregate's current one: 412. */
public final class StaleVersion extends Refusal {

    private final long currentVersion;

    public StaleVersion(long expectedVersion, long currentVersion) {
        super("stale-version", "expected version " + expectedVersion + " but the current version is " + currentVersion,
                Map.of("currentVersion", currentVersion));
        this.currentVersion = currentVersion;
    }

    /** Refuses the command if it was made conditional on a version other than {@code currentVersion}. */
    public static void check(VersionedCommand command, long currentVersion) {
        Long expected = command.expectedVersion();
        if (expected != null && expected != currentVersion) {
            throw new StaleVersion(expected, currentVersion);
        }
    }

    public long currentVersion() {
        return currentVersion;
    }
}
