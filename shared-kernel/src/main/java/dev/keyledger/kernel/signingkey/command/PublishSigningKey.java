package dev.keyledger.kernel.signingkey.command;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Publishes a new key: verifiers may fetch it from now on; it signs from {@code activatesAt}. {@code publicKey} is
 * its X.509 SubjectPublicKeyInfo in base64. The private key stays with the command side, sealed, outside any message.
 */
public record PublishSigningKey(String kid, SigningAlgorithm algorithm, String publicKey, Instant activatesAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return SigningKeyStream.idOf(kid);
    }
}
