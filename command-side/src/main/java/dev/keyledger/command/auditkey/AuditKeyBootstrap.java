package dev.keyledger.command.auditkey;

import dev.keyledger.command.dispatch.AuditContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start, once Axon's processors run (so the material table follows the events), makes sure an audit key signs.
 * A failure stops the start, as for the token-signing key: checkpoints without a key would silently not be made.
 */
@Component
class AuditKeyBootstrap {

    private final AuditKeyLifecycle lifecycle;

    AuditKeyBootstrap(AuditKeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAuditKey() {
        lifecycle.ensureAuditKey(AuditContext.system());
    }
}
