package dev.keyledger.token.accesstoken;

import java.time.Instant;

/** A signed access token and the facts about it that the issuance log keeps. */
public record IssuedToken(String value, String jti, String kid, Instant issuedAt, Instant expiresAt) {
}
