package dev.keyledger.kernel.signingkey;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The JWS algorithms Keyledger signs with (RFC 7518 names, RFC 8037 for EdDSA), each with the JDK's name for its key
 * type. The constant names are the wire names ({@code alg}, {@code KEYLEDGER_TOKEN_ALGORITHM}).
 */
public enum SigningAlgorithm {

    /** ECDSA on P-256 with SHA-256: the default, the fastest to sign on the JDKs we run on. */
    ES256("EC"),
    /** RSASSA-PKCS1-v1_5 with SHA-256 on a 2048-bit key, for verifiers that know nothing else. */
    RS256("RSA"),
    /** Ed25519. */
    EdDSA("Ed25519");

    private final String jcaKeyAlgorithm;

    SigningAlgorithm(String jcaKeyAlgorithm) {
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
    }

    /** The algorithm name of {@code java.security.KeyFactory} and {@code KeyPairGenerator} for this key type. */
    public String jcaKeyAlgorithm() {
        return jcaKeyAlgorithm;
    }

    /** The algorithm of this exact JOSE name; names are case-sensitive, as in a JWS header. */
    public static SigningAlgorithm of(String name) {
        return Arrays.stream(values())
                .filter(algorithm -> algorithm.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported signing algorithm '" + name
                        + "'; one of " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
