package dev.keyledger.token.authentication;

/**
 * What a client presented to authenticate: its id and secret, and how it sent them. {@link #toString()} hides the
 * secret, so the record can never leak it into a log.
 */
public record ClientCredentials(String clientId, String secret, Method method) {

    public enum Method {
        CLIENT_SECRET_BASIC,
        CLIENT_SECRET_POST
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", " + method + ", secret redacted]";
    }
}
