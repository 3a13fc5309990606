package dev.keyledger.command.secret;

import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.random.RandomTokens;
import dev.keyledger.kernel.secret.HashedSecret;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Generates client secrets: {@value #PREFIX} followed by 256 random bits in base64url. The fixed prefix lets secret
 * scanners recognise a leaked one; the entropy makes a fast hash as safe as a slow one (DESIGN.md decision 2).
 */
@Component
public class SecretGenerator {

    public static final String PREFIX = "kls_";
    private static final int RANDOM_BYTES = 32;

    /** @param expiresAt when the secret stops authenticating; {@code null} for never */
    public NewSecret generate(Instant expiresAt) {
        String plaintext = PREFIX + RandomTokens.urlSafe(RANDOM_BYTES);
        HashedSecret hashed = HashedSecret.of(SecretId.generate(), plaintext, expiresAt);
        return new NewSecret(plaintext, hashed);
    }
}
