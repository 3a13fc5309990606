package dev.keyledger.kernel.audit;

import java.util.List;

/** The permissions of the admin API (API.md §2), which the bootstrap admin holds all of. */
public final class AdminPermissions {

    public static final String CLIENTS_READ = "keyledger:clients:read";
    public static final String CLIENTS_WRITE = "keyledger:clients:write";
    public static final String ROLES_READ = "keyledger:roles:read";
    public static final String ROLES_WRITE = "keyledger:roles:write";
    public static final String AUDIT_READ = "keyledger:audit:read";
    public static final String KEYS_WRITE = "keyledger:keys:write";
    public static final String TOKENS_INTROSPECT = "keyledger:tokens:introspect";

    public static final List<String> ALL = List.of(CLIENTS_READ, CLIENTS_WRITE, ROLES_READ, ROLES_WRITE, AUDIT_READ,
            KEYS_WRITE, TOKENS_INTROSPECT);

    private AdminPermissions() {
    }
}
