package dev.keyledger.query.client;

import dev.keyledger.kernel.id.HashedSecret;
import dev.keyledger.kernel.id.SecretSlot;

import java.time.Instant;

/** One secret of a client in the read model: the hashed secret, its slot and since when it exists. */
public record SecretState(HashedSecret secret, SecretSlot slot, Instant createdAt) {

    SecretState inSlot(SecretSlot newSlot) {
        return new SecretState(secret, newSlot, createdAt);
    }
}
