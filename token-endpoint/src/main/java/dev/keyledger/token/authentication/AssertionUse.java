package dev.keyledger.token.authentication;

import java.time.Instant;

/**
 * A verified {@code private_key_jwt} assertion whose {@code jti} is yet to be recorded: the one step of
 * authentication that waits for the database, so the token endpoint takes it outside its signing turns
 * ({@link ClientAuthenticator#confirm}).
 */
public record AssertionUse(String clientId, String jti, Instant expiresAt) {
}
