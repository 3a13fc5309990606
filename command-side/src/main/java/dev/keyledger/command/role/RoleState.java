package dev.keyledger.command.role;

import dev.keyledger.kernel.id.Permission;
import dev.keyledger.kernel.id.RoleName;

import java.time.Instant;
import java.util.SortedSet;

/** A role's state right after a command: what a role write answers with. */
public record RoleState(
        RoleName name,
        String description,
        SortedSet<Permission> permissions,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
