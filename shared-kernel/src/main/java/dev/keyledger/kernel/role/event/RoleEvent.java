package dev.keyledger.kernel.role.event;

import dev.keyledger.kernel.id.RoleName;

/** Every event of the role aggregate names its role. */
public interface RoleEvent {

    RoleName name();
}
