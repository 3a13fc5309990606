package dev.keyledger.command.web;

import dev.keyledger.kernel.client.view.ClientKeyView;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.ClientKeyId;

import java.time.Instant;

/** The answer to registering a public key (API.md §2 "Client keys"): the key's ids and algorithm, and the client. */
record RegisteredKey(
        ClientKeyId keyId,
        String kid,
        String kty,
        String alg,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        ClientView client) {

    static RegisteredKey of(ClientKeyView key, ClientView client) {
        return new RegisteredKey(key.keyId(), key.kid(), key.kty(), key.alg(), key.createdAt(), key.expiresAt(),
                key.lastUsedAt(), client);
    }
}
