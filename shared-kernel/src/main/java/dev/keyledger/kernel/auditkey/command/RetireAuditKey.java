package dev.keyledger.kernel.auditkey.command;

import dev.keyledger.kernel.auditkey.AuditKeyStream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops the active audit key from signing checkpoints; it stays published, so its checkpoints still verify. */
public record RetireAuditKey(String kid) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AuditKeyStream.idOf(kid);
    }
}
