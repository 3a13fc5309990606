package dev.keyledger.kernel.client.view;

import dev.keyledger.kernel.id.ClientKeyId;

import java.time.Instant;

/** One public key as an operator sees it (API.md §2 "Client keys"): its ids and algorithm, not the key itself. */
public record ClientKeyView(
        ClientKeyId keyId,
        String kid,
        String kty,
        String alg,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {
}
