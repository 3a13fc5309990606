package dev.keyledger.kernel.signingkey.event;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A new key was published: it verifies from now on and is due to sign from {@code activatesAt}. {@code publicKey} is
 * the X.509 SubjectPublicKeyInfo in base64 — public, so the audit trail can prove which key signed what.
 */
@Revision("1")
public record SigningKeyPublished(String kid, SigningAlgorithm algorithm, String publicKey, Instant activatesAt)
        implements SigningKeyEvent {
}
