package dev.keyledger.token.authentication;

/**
 * The outcome of checking credentials: the client and the secret or key that matched, or why it failed. The reason goes
 * to the issuance log only; every failure answers the caller the same way.
 *
 * @param client        {@code null} when the client id is unknown
 * @param secret        the matching secret; {@code null} on failure or for an assertion
 * @param key           the key that verified a private_key_jwt assertion; {@code null} otherwise
 * @param federated     the trust rule a workload's own token matched; {@code null} otherwise
 * @param failureReason {@code null} on success
 * @param pendingUse    an assertion's {@code jti} still to be recorded: until {@link ClientAuthenticator#confirm}
 *                      has recorded it, the authentication has not succeeded
 */
public record Authentication(ClientAuthEntry client, StoredSecret secret, StoredKey key, FederatedRule federated,
                             String failureReason, AssertionUse pendingUse) {

    /** A secret's or a key's outcome: no federated credential involved. */
    public Authentication(ClientAuthEntry client, StoredSecret secret, StoredKey key, String failureReason) {
        this(client, secret, key, null, failureReason, null);
    }

    /** A secret's outcome: no key involved. */
    public Authentication(ClientAuthEntry client, StoredSecret secret, String failureReason) {
        this(client, secret, null, null, failureReason, null);
    }

    public boolean succeeded() {
        return failureReason == null && pendingUse == null;
    }

    Authentication confirmed() {
        return new Authentication(client, secret, key, federated, null, null);
    }
}
