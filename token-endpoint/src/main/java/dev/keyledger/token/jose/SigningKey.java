package dev.keyledger.token.jose;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A signing key as the token endpoint holds it. {@code algorithm} is the JWS {@code alg} ({@code ES256},
 * {@code RS256}, {@code EdDSA}); {@code privateKey} is null for a key that only verifies (a retired one).
 */
public record SigningKey(String kid, String algorithm, PublicKey publicKey, PrivateKey privateKey) {

    /** jjwt's implementation of this key's JWS algorithm, which signs with it and verifies its signatures. */
    public SignatureAlgorithm jwsAlgorithm() {
        return switch (SigningAlgorithm.of(algorithm)) {
            case ES256 -> Jwts.SIG.ES256;
            case RS256 -> Jwts.SIG.RS256;
            case EdDSA -> Jwts.SIG.EdDSA;
        };
    }

    /** Never shows key material, whatever logs or debuggers print. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", signs=" + (privateKey != null) + "]";
    }
}
