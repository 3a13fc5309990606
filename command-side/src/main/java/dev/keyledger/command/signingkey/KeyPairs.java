package dev.keyledger.command.signingkey;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Generates signing key pairs with the JDK's own providers: P-256, 2048-bit RSA, Ed25519. */
final class KeyPairs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    static KeyPair generate(SigningAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaKeyAlgorithm());
            switch (algorithm) {
                case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                case RS256 -> generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
                case EdDSA -> generator.initialize(255, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + algorithm + " keys", e);
        }
    }
}
