package dev.keyledger.token.jose;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Turns stored key material into JDK keys. Opening a sealed private key repeats the command side's AES-256-GCM format
 * (96-bit nonce, ciphertext, 128-bit tag; associated data: the key's stream id {@code signing-key:<kid>}): modules
 * share no code but the kernel, and these few lines are cheaper to keep in step than a shared crypto module.
 */
final class KeyMaterialDecoder {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey keyEncryptionKey;

    KeyMaterialDecoder(SecretKey keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    SigningKey decode(StoredKey stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance(
                    SigningAlgorithm.of(stored.algorithm()).jcaKeyAlgorithm());
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            PrivateKey privateKey = null;
            if (stored.signs()) {
                byte[] pkcs8 = open(stored.sealedPrivateKey(), SigningKeyStream.idOf(stored.kid()).getBytes(StandardCharsets.UTF_8));
                try {
                    privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            }
            return new SigningKey(stored.kid(), stored.algorithm(), publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            // The message names the kid and the failing step only; GCM failures say nothing about the key.
            throw new IllegalStateException("signing key " + stored.kid() + " cannot be decoded: " + e.getMessage());
        }
    }

    private byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
