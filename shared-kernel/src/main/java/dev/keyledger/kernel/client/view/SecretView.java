package dev.keyledger.kernel.client.view;

import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.SecretSlot;

import java.time.Instant;

/** One secret as an operator sees it: recognisable by its last four characters, never by its value or hash. */
public record SecretView(
        SecretId secretId,
        SecretSlot slot,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {
}
