package dev.keyledger.standalone;

import java.util.UUID;

/**
 * Names of clients, roles and keys that no other test uses: tests that share a service ({@link KeyledgerService})
 * get fresh data through them instead of a fresh database.
 */
final class UniqueNames {

    private UniqueNames() {
    }

    /** {@code base} followed by a suffix unique in the JVM's lifetime and across runs. */
    static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
