package dev.keyledger.token.metrics;

/** The {@code outcome} label of {@code keyledger_token_requests_total}: a closed set, one per kind of answer. */
public enum TokenRequestOutcome {

    ISSUED("issued"),
    INVALID_CLIENT("invalid_client"),
    INVALID_REQUEST("invalid_request"),
    INVALID_SCOPE("invalid_scope"),
    INVALID_TARGET("invalid_target"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    THROTTLED("throttled"),
    SERVER_ERROR("server_error");

    private final String label;

    TokenRequestOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The outcome of an OAuth error code as the token endpoint answers it; {@code slow_down} is the throttle's, and
     * anything else (a missing signing key's {@code temporarily_unavailable}) is the server's.
     */
    public static TokenRequestOutcome ofError(String error) {
        return switch (error) {
            case "invalid_client" -> INVALID_CLIENT;
            case "invalid_request" -> INVALID_REQUEST;
            case "invalid_scope" -> INVALID_SCOPE;
            case "invalid_target" -> INVALID_TARGET;
            case "unsupported_grant_type" -> UNSUPPORTED_GRANT_TYPE;
            case "slow_down" -> THROTTLED;
            default -> SERVER_ERROR;
        };
    }
}
