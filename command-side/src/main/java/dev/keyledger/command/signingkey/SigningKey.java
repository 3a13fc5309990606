package dev.keyledger.command.signingkey;

import dev.keyledger.command.dispatch.CommandTargets;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.kernel.signingkey.SigningKeyStatus;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.kernel.signingkey.command.ActivateSigningKey;
import dev.keyledger.kernel.signingkey.command.PublishSigningKey;
import dev.keyledger.kernel.signingkey.command.RetireSigningKey;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One signing key's life: published (verifiers may fetch it), then active (it signs), then retired (it verifies the
 * tokens it signed until they expire). Each step happens once and in this order; a key never comes back.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
class SigningKey {

    @AggregateIdentifier
    private String streamId;
    private String kid;
    private Instant activatesAt;
    private SigningKeyStatus status;

    SigningKey() {
        // Axon rebuilds the aggregate from its events, starting from this empty instance.
    }

    @CommandHandler
    SigningKey(PublishSigningKey command) {
        apply(new SigningKeyPublished(command.kid(), command.algorithm(), command.publicKey(), command.activatesAt()));
    }

    @CommandHandler
    void handle(ActivateSigningKey command) {
        switch (status) {
            case ACTIVE -> throw new Conflict("key-already-active", "signing key " + kid + " is already active");
            case RETIRED -> throw new Conflict("key-retired", "signing key " + kid + " is retired and cannot sign again");
            case PUBLISHED -> {
                // Verifiers cache the JWKS: a key that signed before its announced moment could be unknown to them.
                if (command.at().isBefore(activatesAt)) {
                    throw new Conflict("key-not-due", "signing key " + kid + " may sign from " + activatesAt);
                }
                apply(new SigningKeyActivated(kid));
            }
        }
    }

    @CommandHandler
    void handle(RetireSigningKey command) {
        switch (status) {
            case PUBLISHED -> throw new Conflict("key-not-active", "signing key " + kid + " has never signed");
            case RETIRED -> throw new Conflict("key-already-retired", "signing key " + kid + " is already retired");
            case ACTIVE -> apply(new SigningKeyRetired(kid, command.verifyUntil()));
        }
    }

    SigningKeyStatus status() {
        return status;
    }

    @EventSourcingHandler
    void on(SigningKeyPublished event) {
        streamId = SigningKeyStream.idOf(event.kid());
        kid = event.kid();
        activatesAt = event.activatesAt();
        status = SigningKeyStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(SigningKeyActivated event) {
        status = SigningKeyStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(SigningKeyRetired event) {
        status = SigningKeyStatus.RETIRED;
    }
}
