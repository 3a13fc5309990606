package dev.keyledger.kernel.access;

/**
 * The token endpoint's internal admin access check: {@code GET /internal/v1/admin-access} with the caller's
 * {@code Authorization} header and the method and path of the call to check. {@code 204} with the caller's client id
 * in {@link #CALLER_HEADER} when allowed; otherwise the {@code 401}/{@code 403} problem+json the caller must get.
 */
public final class AdminAccessCheck {

    public static final String PATH = "/internal/v1/admin-access";
    public static final String METHOD_HEADER = "Keyledger-Checked-Method";
    public static final String PATH_HEADER = "Keyledger-Checked-Path";
    public static final String CALLER_HEADER = "Keyledger-Caller";

    private AdminAccessCheck() {
    }
}
