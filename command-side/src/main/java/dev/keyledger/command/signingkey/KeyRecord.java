package dev.keyledger.command.signingkey;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;

import java.time.Instant;

/** A signing key as its material table describes it, without any key bytes. */
public record KeyRecord(
        String kid,
        SigningAlgorithm algorithm,
        SigningKeyStatus status,
        Instant createdAt,
        Instant activatesAt,
        Instant activatedAt,
        Instant retiredAt) {
}
