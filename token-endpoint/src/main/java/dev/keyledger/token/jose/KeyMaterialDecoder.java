package dev.keyledger.token.jose;

import dev.keyledger.infrastructure.crypto.SealedBox;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStream;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Turns stored key material into JDK keys, opening a sealed private key with the shared {@link SealedBox} (the
 * format the command side sealed it in; associated data: the key's stream id {@code signing-key:<kid>}).
 */
final class KeyMaterialDecoder {

    private final SealedBox box;

    KeyMaterialDecoder(SecretKey keyEncryptionKey) {
        this.box = new SealedBox(keyEncryptionKey);
    }

    SigningKey decode(StoredKey stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance(
                    SigningAlgorithm.of(stored.algorithm()).jcaKeyAlgorithm());
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            PrivateKey privateKey = null;
            if (stored.signs()) {
                byte[] pkcs8 = box.open(stored.sealedPrivateKey(),
                        SigningKeyStream.idOf(stored.kid()).getBytes(StandardCharsets.UTF_8));
                try {
                    privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
            }
            return new SigningKey(stored.kid(), stored.algorithm(), publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalStateException e) {
            // The message names the kid and the failing step only; GCM failures say nothing about the key.
            throw new IllegalStateException("signing key " + stored.kid() + " cannot be decoded: " + e.getMessage());
        }
    }
}
