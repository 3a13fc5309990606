package dev.keyledger.kernel.role;

import dev.keyledger.kernel.id.RoleName;

/**
 * Role events are stored under {@code role:<name>}. Client ids never contain a colon, so a role can never share a
 * stream with a client whose id happens to equal its name (an operator-chosen bootstrap id "admin" and a role
 * "admin", say). Audit entries still show the bare role name as the aggregate id.
 */
public final class RoleStream {

    public static final String PREFIX = "role:";

    private RoleStream() {
    }

    public static String idOf(RoleName name) {
        return PREFIX + name.value();
    }
}
