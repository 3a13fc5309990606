package dev.keyledger.query.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A role name's state as the query side folds it. A deleted role stays, not {@code live} and without permissions,
 * because its name's stream may continue with a re-creation.
 *
 * @param version   the sequence number of the last event of the name's stream folded in
 * @param createdAt when the role was (last) created
 */
public record RoleSnapshot(
        RoleName name,
        String description,
        SortedSet<Permission> permissions,
        boolean live,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public RoleSnapshot {
        permissions = Collections.unmodifiableSortedSet(new TreeSet<>(permissions));
    }

    /** Whether an event with this sequence number is news to this snapshot (and not a redelivery). */
    public boolean isBefore(long sequence) {
        return sequence > version;
    }
}
