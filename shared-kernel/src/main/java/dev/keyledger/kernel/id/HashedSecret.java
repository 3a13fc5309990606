package dev.keyledger.kernel.id;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret as the system keeps it: its id, its hash, the last four characters an operator recognises it by, and
 * when it stops authenticating ({@code null}: never). The plaintext exists only in the answer to its creator.
 *
 * @param expiresAt nullable
 */
public record HashedSecret(SecretId secretId, SecretHash hash, String hint, Instant expiresAt) {

    public HashedSecret {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hint, "hint");
        if (hint.length() != 4) {
            throw new IllegalArgumentException("a secret hint is its last 4 characters");
        }
    }
}
