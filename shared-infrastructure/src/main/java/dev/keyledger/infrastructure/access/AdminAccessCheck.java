package dev.keyledger.infrastructure.access;

/**
 * The token endpoint's internal admin access check, which command-side and query-side nodes running apart ask
 * (docs/DECISIONS.md 38): {@code GET /internal/v1/admin-access} with the caller's {@code Authorization} header, the
 * permission the routed handler needs and a fresh nonce. {@code 204} with the caller's client id and a
 * {@link CheckSignature} over nonce, permission and caller when allowed; otherwise the 401/403 problem+json the caller
 * must get. An allowing answer without a valid signature is not believed.
 */
public final class AdminAccessCheck {

    public static final String PATH = "/internal/v1/admin-access";
    public static final String PERMISSION_HEADER = "Keyledger-Required-Permission";
    public static final String NONCE_HEADER = "Keyledger-Check-Nonce";
    public static final String CALLER_HEADER = "Keyledger-Caller";
    public static final String SIGNATURE_HEADER = "Keyledger-Check-Signature";

    private AdminAccessCheck() {
    }
}
