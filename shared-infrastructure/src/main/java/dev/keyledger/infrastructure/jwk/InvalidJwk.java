package dev.keyledger.infrastructure.jwk;

/** A JWK that is not a public key Keyledger accepts; the message says why, for the caller who sent it. */
public class InvalidJwk extends IllegalArgumentException {

    public InvalidJwk(String message) {
        super(message);
    }
}
