package dev.keyledger.query.client;

import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.query.auth.ClientAuthStore;
import dev.keyledger.query.processing.QueryViews;
import dev.keyledger.query.role.EffectivePermissions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Projects client events into the client view and the client auth view. An event whose sequence number the view
 * has already reached is a redelivery and changes nothing.
 *
 * <p>During a replay the auth view is left alone: it is already up to date, and rebuilding it from scratch would
 * show the token endpoint past states (a deleted secret, a disabled client) while the replay runs. It only ever
 * moves forward, with the live events after the replay's starting point.
 */
@Component
@ProcessingGroup(QueryViews.PROCESSING_GROUP)
public class ClientProjector {

    private final ClientViewStore views;
    private final ClientAuthStore auth;
    private final EffectivePermissions effectivePermissions;

    public ClientProjector(ClientViewStore views, ClientAuthStore auth, EffectivePermissions effectivePermissions) {
        this.views = views;
        this.auth = auth;
        this.effectivePermissions = effectivePermissions;
    }

    @EventHandler
    public void on(ClientEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        Optional<ClientState> current = views.load(event.clientId());
        if (current.isPresent() && !current.get().isBefore(sequence)) {
            return;
        }
        ClientState next = ClientFold.apply(current.orElse(null), event, sequence, at);
        SortedSet<Permission> permissions = effectivePermissions.of(next.roles());
        views.save(next, permissions);
        if (!replay.isReplay()) {
            auth.save(next, permissions);
        }
    }

    @ResetHandler
    void reset() {
        views.clear();
    }
}
