package dev.keyledger.kernel.auditkey.command;

import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a new audit key. {@code publicKey} is its X.509 SubjectPublicKeyInfo in base64. The private key stays
 * with the command side, sealed, outside any message.
 */
public record PublishAuditKey(String kid, SigningAlgorithm algorithm, String publicKey) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AuditKeyStream.idOf(kid);
    }
}
