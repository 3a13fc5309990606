package dev.keyledger.token.authentication;

import dev.keyledger.kernel.secret.SecretSlot;

import java.time.Instant;

/** One secret as the token endpoint checks it: its SHA-256 as raw bytes, ready for a constant-time comparison. */
public record StoredSecret(String secretId, SecretSlot slot, byte[] hash, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
