package dev.keyledger.token.authentication;

/**
 * The outcome of checking credentials: the client and the secret that matched, or why it failed. The reason goes
 * to the issuance log only; every failure answers the caller the same way.
 *
 * @param client        {@code null} when the client id is unknown
 * @param secret        the matching secret; {@code null} on failure
 * @param failureReason {@code null} on success
 */
public record Authentication(ClientAuthEntry client, StoredSecret secret, String failureReason) {

    public boolean succeeded() {
        return failureReason == null;
    }
}
