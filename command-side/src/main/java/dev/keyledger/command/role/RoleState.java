package dev.keyledger.command.role;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

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
