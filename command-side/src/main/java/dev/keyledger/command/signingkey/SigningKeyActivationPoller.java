package dev.keyledger.command.signingkey;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Activates due keys every second on every command-side node. Activation is driven by the table, not by a timer set
 * at rotation, so it survives restarts and node failures; the lifecycle lock makes concurrent nodes harmless.
 */
@Component
class SigningKeyActivationPoller {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyActivationPoller.class);

    private final SigningKeyLifecycle lifecycle;

    SigningKeyActivationPoller(SigningKeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void activateDueKeys() {
        try {
            lifecycle.activateDue(AuditContext.system());
        } catch (Refusal refusal) {
            // Another path changed the key first; the next poll starts from the new state.
            LOG.debug("key activation refused: {}", refusal.getMessage());
        } catch (RuntimeException e) {
            // A database outage, say: the next poll tries again; activation is only late, never lost.
            LOG.warn("key activation failed, retrying in a second: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }
}
