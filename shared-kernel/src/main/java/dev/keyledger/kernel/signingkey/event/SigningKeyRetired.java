package dev.keyledger.kernel.signingkey.event;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The key signs no more; it stays in the JWKS until {@code verifyUntil}, past the expiry of the last token it can
 * have signed.
 */
@Revision("1")
public record SigningKeyRetired(String kid, Instant verifyUntil) implements SigningKeyEvent {
}
