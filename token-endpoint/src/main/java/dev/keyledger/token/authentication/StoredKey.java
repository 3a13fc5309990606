package dev.keyledger.token.authentication;

import java.security.PublicKey;
import java.time.Instant;

/**
 * One public key of a client as the token endpoint verifies with it: the {@code kid} an assertion names, the one
 * algorithm it verifies, the key itself.
 *
 * @param expiresAt nullable: never
 */
public record StoredKey(String keyId, String kid, String alg, PublicKey key, Instant expiresAt) {

    boolean usableAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
