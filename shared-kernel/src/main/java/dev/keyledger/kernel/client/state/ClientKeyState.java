package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.client.key.ClientKey;

import java.time.Instant;

/** One public key of a client and since when it exists. */
public record ClientKeyState(ClientKey key, Instant createdAt) {
}
