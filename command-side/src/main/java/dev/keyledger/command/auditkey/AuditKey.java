package dev.keyledger.command.auditkey;

import dev.keyledger.command.dispatch.CommandTargets;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.auditkey.command.ActivateAuditKey;
import dev.keyledger.kernel.auditkey.command.PublishAuditKey;
import dev.keyledger.kernel.auditkey.command.RetireAuditKey;
import dev.keyledger.kernel.auditkey.event.AuditKeyActivated;
import dev.keyledger.kernel.auditkey.event.AuditKeyPublished;
import dev.keyledger.kernel.auditkey.event.AuditKeyRetired;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One audit key's life: published (its checkpoints verify), then active (it signs checkpoints), then retired (it
 * signs no more, and stays published for good). Each step happens once and in this order; a key never comes back.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
class AuditKey {

    @AggregateIdentifier
    private String streamId;
    private String kid;
    private SigningKeyStatus status;

    AuditKey() {
        // Axon rebuilds the aggregate from its events, starting from this empty instance.
    }

    @CommandHandler
    AuditKey(PublishAuditKey command) {
        apply(new AuditKeyPublished(command.kid(), command.algorithm(), command.publicKey()));
    }

    @CommandHandler
    void handle(ActivateAuditKey command) {
        switch (status) {
            case ACTIVE -> throw new Conflict("key-already-active", "audit key " + kid + " is already active");
            case RETIRED -> throw new Conflict("key-retired", "audit key " + kid + " is retired and cannot sign again");
            case PUBLISHED -> apply(new AuditKeyActivated(kid));
        }
    }

    @CommandHandler
    void handle(RetireAuditKey command) {
        switch (status) {
            case PUBLISHED -> throw new Conflict("key-not-active", "audit key " + kid + " has never signed");
            case RETIRED -> throw new Conflict("key-already-retired", "audit key " + kid + " is already retired");
            case ACTIVE -> apply(new AuditKeyRetired(kid));
        }
    }

    SigningKeyStatus status() {
        return status;
    }

    @EventSourcingHandler
    void on(AuditKeyPublished event) {
        streamId = AuditKeyStream.idOf(event.kid());
        kid = event.kid();
        status = SigningKeyStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(AuditKeyActivated event) {
        status = SigningKeyStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AuditKeyRetired event) {
        status = SigningKeyStatus.RETIRED;
    }
}
