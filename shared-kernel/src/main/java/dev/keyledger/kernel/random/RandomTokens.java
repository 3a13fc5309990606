package dev.keyledger.kernel.random;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable URL-safe strings, drawn from one shared {@link SecureRandom}. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes in unpadded base64url: 16 bytes give 22 characters. */
    public static String urlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }
}
