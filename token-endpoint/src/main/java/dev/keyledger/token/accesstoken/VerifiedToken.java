package dev.keyledger.token.accesstoken;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The claims of an access token whose signature, issuer, type and lifetime have been checked. */
public record VerifiedToken(
        String clientId,
        String jti,
        String issuer,
        List<String> audience,
        Set<String> scope,
        List<String> roles,
        Instant issuedAt,
        Instant notBefore,
        Instant expiresAt) {

    public String scopeString() {
        return scope.isEmpty() ? null : String.join(" ", new TreeSet<>(scope));
    }
}
