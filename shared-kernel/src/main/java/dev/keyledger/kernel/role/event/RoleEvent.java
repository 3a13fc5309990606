package dev.keyledger.kernel.role.event;

import dev.keyledger.kernel.id.RoleName;

/**
 * Every event of the role aggregate names its role. The family is closed: the role's fold must know every member,
 * and a test checks that it does.
 */
public sealed interface RoleEvent permits RoleCreated, RolePermissionsReplaced, RoleDeleted {

    RoleName name();
}
