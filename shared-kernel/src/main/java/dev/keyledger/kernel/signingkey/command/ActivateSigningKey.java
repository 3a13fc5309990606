package dev.keyledger.kernel.signingkey.command;

import dev.keyledger.kernel.signingkey.SigningKeyStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Makes a published key the one that signs, {@code at} a moment no earlier than its announced activation. */
public record ActivateSigningKey(String kid, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SigningKeyStream.idOf(kid);
    }
}
