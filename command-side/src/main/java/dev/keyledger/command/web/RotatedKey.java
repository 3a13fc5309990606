package dev.keyledger.command.web;

import dev.keyledger.command.signingkey.KeyRecord;

import java.time.Instant;

/**
 * The answer to a rotation: the new key as {@code GET /api/v1/signing-keys} lists it, plus {@code activatesAt}, the
 * moment from which it signs.
 */
record RotatedKey(String kid, String alg, String status, Instant createdAt, Instant activatesAt, Instant activatedAt,
                  Instant retiredAt) {

    static RotatedKey of(KeyRecord key) {
        return new RotatedKey(key.kid(), key.algorithm().name(), key.status().name(), key.createdAt(),
                key.activatesAt(), key.activatedAt(), key.retiredAt());
    }
}
