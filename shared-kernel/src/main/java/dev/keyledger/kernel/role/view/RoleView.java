package dev.keyledger.kernel.role.view;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

import java.time.Instant;
import java.util.SortedSet;

/** The role representation of API.md §2, answered by writes and reads alike. */
public record RoleView(
        RoleName name,
        String description,
        SortedSet<Permission> permissions,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
