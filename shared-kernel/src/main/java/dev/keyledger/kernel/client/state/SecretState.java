package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretSlot;

import java.time.Instant;

/** One secret of a client: the hashed secret, the slot it sits in, and since when it exists. */
public record SecretState(HashedSecret secret, SecretSlot slot, Instant createdAt) {

    SecretState inSlot(SecretSlot newSlot) {
        return new SecretState(secret, newSlot, createdAt);
    }
}
