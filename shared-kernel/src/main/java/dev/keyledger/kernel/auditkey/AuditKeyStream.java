package dev.keyledger.kernel.auditkey;

/**
 * Audit-key events are stored under {@code audit-key:<kid>}, apart from signing keys ({@code signing-key:<kid>}), so
 * the two families never share a stream. The same string is the associated data of the key's sealed private key:
 * a sealed audit key copied into a signing key's row (or another audit key's) fails to open.
 */
public final class AuditKeyStream {

    public static final String PREFIX = "audit-key:";

    private AuditKeyStream() {
    }

    public static String idOf(String kid) {
        return PREFIX + kid;
    }
}
