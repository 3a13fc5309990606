package dev.keyledger.command.lookup;

import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;

import java.util.Collection;
import java.util.SortedSet;

/** The live roles, as the command side must know them to check assignments and answer writes. */
public interface RoleDirectory {

    /**
     * Whether the role exists now. Inside a transaction, the answer holds until it ends: a concurrent deletion of
     * the role waits, so no client can be assigned a role whose deletion does not see it.
     */
    boolean exists(RoleName role);

    /** The union of the permissions of the given live roles. */
    SortedSet<Permission> permissionsOf(Collection<RoleName> roles);
}
