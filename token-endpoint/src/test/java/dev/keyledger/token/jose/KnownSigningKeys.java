package dev.keyledger.token.jose;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureAlgorithm;

import java.security.KeyPair;
import java.util.List;
import java.util.Optional;

/**
 * {@link SigningKeys} for tests outside Spring: real key pairs, held in the same {@link KeySnapshot} the service
 * answers from, so that lookups behave as they do in production (an immutable map refuses a null kid, say).
 */
public final class KnownSigningKeys implements SigningKeys {

    private final KeySnapshot snapshot;

    public KnownSigningKeys(List<SigningKey> keys) {
        this.snapshot = KeySnapshot.of(keys.get(0), keys);
    }

    /** A freshly generated key pair for a JWS algorithm ({@code ES256}, {@code RS256}, {@code EdDSA}). */
    public static SigningKey generate(String kid, String algorithm) {
        KeyPair pair = algorithm.equals("EdDSA") ? Jwks.CRV.Ed25519.keyPair().build() // the curve Keyledger uses
                : ((SignatureAlgorithm) Jwts.SIG.get().get(algorithm)).keyPair().build();
        return new SigningKey(kid, algorithm, pair.getPublic(), pair.getPrivate());
    }

    @Override
    public SigningKey active() {
        return snapshot.active();
    }

    @Override
    public Optional<SigningKey> forVerification(String kid) {
        return snapshot.find(kid);
    }

    @Override
    public List<SigningKey> published() {
        return snapshot.published();
    }
}
