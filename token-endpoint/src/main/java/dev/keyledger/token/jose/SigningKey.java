package dev.keyledger.token.jose;

import java.security.PrivateKey;
import java.security.PublicKey;

/** A signing key: {@code privateKey} is null for keys that only verify. */
public record SigningKey(String kid, String algorithm, PublicKey publicKey, PrivateKey privateKey) {
}
