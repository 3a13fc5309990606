package dev.keyledger.token.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;

/** The JWS algorithms Keyledger signs with, by their JOSE names. */
final class JoseAlgorithms {

    private JoseAlgorithms() {
    }

    static SignatureAlgorithm signatureAlgorithm(String name) {
        return switch (name) {
            case "ES256" -> Jwts.SIG.ES256;
            case "RS256" -> Jwts.SIG.RS256;
            case "EdDSA" -> Jwts.SIG.EdDSA;
            default -> throw new IllegalArgumentException("unsupported signing algorithm " + name);
        };
    }
}
