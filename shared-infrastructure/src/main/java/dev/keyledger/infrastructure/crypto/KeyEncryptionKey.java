package dev.keyledger.infrastructure.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/** The key-encryption key as configured ({@code KEYLEDGER_KEY_ENCRYPTION_KEY}): 256 bits, base64. */
public final class KeyEncryptionKey {

    private KeyEncryptionKey() {
    }

    /** Refuses anything but exactly 32 bytes of valid base64, naming the property and never its value. */
    public static SecretKey fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keyledger.key-encryption-key is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("keyledger.key-encryption-key must be 256 bits (32 bytes, base64)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
