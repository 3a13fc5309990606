package dev.keyledger.kernel.client.key;

import dev.keyledger.kernel.id.ClientKeyId;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's public key as the system keeps it: Keyledger's id for it, the JWK's {@code kid} that assertions name,
 * its key type and the one signature algorithm it verifies, and the public JWK itself (JSON, public members only,
 * validated before it reaches a command).
 *
 * @param expiresAt nullable: never
 */
public record ClientKey(ClientKeyId keyId, String kid, String kty, String alg, String publicJwk, Instant expiresAt) {

    public ClientKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(kty, "kty");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }

    /** Whether an assertion signed with this key still authenticates at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
