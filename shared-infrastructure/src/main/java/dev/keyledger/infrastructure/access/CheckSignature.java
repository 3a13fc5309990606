package dev.keyledger.infrastructure.access;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Authenticates the answers of the internal admin access check: HMAC-SHA256 over the asking node's nonce, the
 * permission and the caller, under a key derived from the key-encryption key that every node of one installation
 * shares. Whoever can answer on a token endpoint's address without that key cannot let a call through, and an
 * answer recorded once cannot be replayed for another request.
 */
public final class CheckSignature {

    private static final byte[] DERIVATION_LABEL =
            "keyledger/admin-access-check/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private CheckSignature(SecretKey key) {
        this.key = key;
    }

    /** The check's key, derived from (never equal to) the key-encryption key. */
    public static CheckSignature derivedFrom(SecretKey keyEncryptionKey) {
        return new CheckSignature(new SecretKeySpec(hmac(keyEncryptionKey, DERIVATION_LABEL), "HmacSHA256"));
    }

    public static String newNonce() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    public String sign(String nonce, String permission, String caller) {
        String signed = "v1\n" + nonce + "\n" + permission + "\n" + caller;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean verify(String signature, String nonce, String permission, String caller) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(nonce, permission, caller).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
