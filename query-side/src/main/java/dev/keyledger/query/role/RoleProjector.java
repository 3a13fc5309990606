package dev.keyledger.query.role;

import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.query.auth.ClientAuthStore;
import dev.keyledger.query.client.ClientViewStore;
import dev.keyledger.query.processing.QueryViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Projects role events into the role view, then recomputes the effective permissions of the role's holders in the
 * client view and the client auth view. This happens on every role event, creation included: a client registered
 * with a role may be projected (in another segment) before the role's creation is.
 */
@Component
@ProcessingGroup(QueryViews.PROCESSING_GROUP)
public class RoleProjector {

    private final RoleViewStore roles;
    private final ClientViewStore clients;
    private final ClientAuthStore auth;

    public RoleProjector(RoleViewStore roles, ClientViewStore clients, ClientAuthStore auth) {
        this.roles = roles;
        this.clients = clients;
        this.auth = auth;
    }

    @EventHandler
    public void on(RoleEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        project(event, sequence, at, !replay.isReplay());
    }

    /** Projects one role event in the current transaction: from the processor, or from a rebuild's page. */
    public void project(RoleEvent event, long sequence, Instant at, boolean live) {
        Optional<RoleSnapshot> current = roles.load(event.name());
        if (current.isPresent() && !current.get().isBefore(sequence)) {
            return;
        }
        roles.save(RoleFold.apply(current.orElse(null), event, sequence, at));
        clients.recomputePermissions(event.name());
        if (live) {
            auth.recomputePermissions(event.name());
        }
    }

    @ResetHandler
    void reset() {
        roles.clear();
    }
}
