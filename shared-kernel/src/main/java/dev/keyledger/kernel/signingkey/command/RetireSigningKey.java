package dev.keyledger.kernel.signingkey.command;

import dev.keyledger.kernel.signingkey.SigningKeyStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Stops an active key from signing; it stays published until {@code verifyUntil}, when the last token it signed has
 * expired.
 */
public record RetireSigningKey(String kid, Instant verifyUntil) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SigningKeyStream.idOf(kid);
    }
}
