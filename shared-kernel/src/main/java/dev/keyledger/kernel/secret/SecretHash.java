package dev.keyledger.kernel.secret;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keyledger.kernel.id.IdSyntax;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The SHA-256 of a secret, unpadded base64url. Secrets carry 256 random bits, so a fast hash protects them as well
 * as a slow one would (DESIGN.md decision 2). {@link #toString()} never shows the value: a hash must not reach a log
 * even when an event holding it is printed.
 */
public record SecretHash(String sha256) {

    public SecretHash {
        Objects.requireNonNull(sha256, "secret hash");
        if (!IdSyntax.base64Url(sha256, 43, 43)) {
            throw new IllegalArgumentException("a secret hash is a SHA-256 digest in unpadded base64url");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SecretHash of(String sha256) {
        return new SecretHash(sha256);
    }

    /** The hash of a secret as presented: SHA-256 over its UTF-8 bytes. */
    public static SecretHash digest(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretHash(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @JsonValue
    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String toString() {
        return "SecretHash[redacted]";
    }
}
