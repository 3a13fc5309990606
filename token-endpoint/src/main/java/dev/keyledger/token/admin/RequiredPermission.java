package dev.keyledger.token.admin;

import dev.keyledger.kernel.audit.AdminPermissions;

import java.util.regex.Pattern;

/** Which permission each admin API call needs (API.md §2); {@code null} for paths that name no resource. */
final class RequiredPermission {

    private static final Pattern CLIENT_HISTORY = Pattern.compile("/api/v1/clients/[^/]+/(events|token-events)/?");
    private static final Pattern ROLE_HISTORY = Pattern.compile("/api/v1/roles/[^/]+/events/?");

    private RequiredPermission() {
    }

    static String of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/api/v1/audit") || read && (CLIENT_HISTORY.matcher(path).matches()
                || ROLE_HISTORY.matcher(path).matches())) {
            return AdminPermissions.AUDIT_READ;
        }
        if (within(path, "/api/v1/clients")) {
            return read ? AdminPermissions.CLIENTS_READ : AdminPermissions.CLIENTS_WRITE;
        }
        if (within(path, "/api/v1/roles")) {
            return read ? AdminPermissions.ROLES_READ : AdminPermissions.ROLES_WRITE;
        }
        if (within(path, "/api/v1/signing-keys")) {
            return read ? AdminPermissions.AUDIT_READ : AdminPermissions.KEYS_WRITE;
        }
        if (within(path, "/api/v1/integration")) {
            // Republishing history writes nothing, but every consumer of the topic receives it again.
            return read ? AdminPermissions.AUDIT_READ : AdminPermissions.CLIENTS_WRITE;
        }
        if (within(path, "/api/v1/projections")) {
            // Rebuilding read models changes no credential but touches every client's view: an operator's act.
            return AdminPermissions.CLIENTS_WRITE;
        }
        return null;
    }

    private static boolean within(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
