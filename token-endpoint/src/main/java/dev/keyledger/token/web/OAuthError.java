package dev.keyledger.token.web;

/**
 * An OAuth error answer (RFC 6749 §5.2, RFC 7009, RFC 7662): {@code {"error", "error_description"}}, never
 * problem+json. {@code challenge} adds {@code WWW-Authenticate}; {@code retryAfterSeconds} adds {@code Retry-After}.
 */
record OAuthError(int status, String error, String description, boolean challenge, long retryAfterSeconds) {

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, false, 0);
    }

    static OAuthError invalidClient(boolean challenge) {
        return new OAuthError(401, "invalid_client", "client authentication failed", challenge, 0);
    }

    static OAuthError slowDown(long retryAfterSeconds) {
        return new OAuthError(429, "slow_down", "too many failed attempts; retry later", false, retryAfterSeconds);
    }
}
