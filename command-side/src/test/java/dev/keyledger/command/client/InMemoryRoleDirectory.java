package dev.keyledger.command.client;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The live roles of a test, held in memory in place of the command side's lookup table. */
final class InMemoryRoleDirectory implements RoleDirectory {

    private final Map<RoleName, Set<Permission>> roles = new HashMap<>();

    InMemoryRoleDirectory with(RoleName role, Permission... permissions) {
        roles.put(role, Set.of(permissions));
        return this;
    }

    @Override
    public boolean exists(RoleName role) {
        return roles.containsKey(role);
    }

    @Override
    public SortedSet<Permission> permissionsOf(Collection<RoleName> names) {
        SortedSet<Permission> permissions = new TreeSet<>();
        names.stream().filter(roles::containsKey).forEach(name -> permissions.addAll(roles.get(name)));
        return permissions;
    }
}
