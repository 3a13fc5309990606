package dev.keyledger.kernel.audit;

/**
 * How the token endpoint's admin access filter tells the other sides who called the admin API: the authenticated
 * client id, as a request attribute. A side that finds no caller refuses the request.
 */
public final class AdminCaller {

    public static final String REQUEST_ATTRIBUTE = "dev.keyledger.admin-caller";

    private AdminCaller() {
    }
}
