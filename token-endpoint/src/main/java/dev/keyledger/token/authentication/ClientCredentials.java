package dev.keyledger.token.authentication;

/**
 * What a client presented to authenticate: its id and secret (or assertion), and how it sent them.
 * {@link #toString()} hides the secret, so the record can never leak it into a log.
 */
public record ClientCredentials(String clientId, String secret, Method method) {

    public enum Method {
        CLIENT_SECRET_BASIC,
        CLIENT_SECRET_POST,
        /** {@code secret} is then the assertion, {@code clientId} the one it claims (RFC 7523 §2.2). */
        PRIVATE_KEY_JWT
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", " + method + ", secret redacted]";
    }
}
