package dev.keyledger.command.signingkey;

import dev.keyledger.command.dispatch.AuditContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start, once Axon's processors run (so the material table follows the events), makes sure a key signs. A failure
 * stops the start: a service that cannot sign should not pretend to be up.
 */
@Component
class SigningKeyBootstrap {

    private final SigningKeyLifecycle lifecycle;

    SigningKeyBootstrap(SigningKeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureSigningKey() {
        lifecycle.ensureSigningKey(AuditContext.system());
    }
}
