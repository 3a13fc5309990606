package dev.keyledger.kernel.secret;

import dev.keyledger.kernel.id.SecretId;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret as the system keeps it: its id, its hash, the last four characters an operator recognises it by, and
 * when it stops authenticating ({@code null}: never). The plaintext exists only in the answer to its creator.
 *
 * @param expiresAt nullable
 */
public record HashedSecret(SecretId secretId, SecretHash hash, String hint, Instant expiresAt) {

    private static final int HINT_LENGTH = 4;

    public HashedSecret {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hint, "hint");
        if (hint.length() != HINT_LENGTH) {
            throw new IllegalArgumentException("a secret hint is its last 4 characters");
        }
    }

    /**
     * Hashes a plaintext and keeps its last four characters as the hint: the one place the hint is derived.
     *
     * @param expiresAt nullable
     */
    public static HashedSecret of(SecretId secretId, String plaintext, Instant expiresAt) {
        return new HashedSecret(secretId, SecretHash.digest(plaintext),
                plaintext.substring(plaintext.length() - HINT_LENGTH), expiresAt);
    }
}
