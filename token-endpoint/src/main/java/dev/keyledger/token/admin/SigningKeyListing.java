package dev.keyledger.token.admin;

import java.time.Instant;

/** One key as {@code GET /api/v1/signing-keys} lists it (API.md §2 "Signing keys"); null where not yet. */
public record SigningKeyListing(String kid, String alg, String status, Instant createdAt, Instant activatedAt,
                                Instant retiredAt) {
}
