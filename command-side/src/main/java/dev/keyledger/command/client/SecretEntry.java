package dev.keyledger.command.client;

import dev.keyledger.kernel.id.HashedSecret;
import dev.keyledger.kernel.id.SecretSlot;

import java.time.Instant;

/** One secret of a client in the aggregate's state: where it sits and since when it exists. */
public record SecretEntry(HashedSecret secret, SecretSlot slot, Instant createdAt) {

    SecretEntry inSlot(SecretSlot newSlot) {
        return new SecretEntry(secret, newSlot, createdAt);
    }
}
