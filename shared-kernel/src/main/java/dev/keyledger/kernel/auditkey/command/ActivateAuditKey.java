package dev.keyledger.kernel.auditkey.command;

import dev.keyledger.kernel.auditkey.AuditKeyStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a published audit key the one that signs checkpoints. */
public record ActivateAuditKey(String kid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AuditKeyStream.idOf(kid);
    }
}
