package dev.keyledger.query.client;

import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.query.auth.ClientAuthStore;
import dev.keyledger.query.processing.ProjectedEvent;
import dev.keyledger.query.processing.QueryViews;
import dev.keyledger.query.processing.ViewTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Projects client events into the client view and the client auth view, a transaction's batch of events at a time
 * ({@link ClientChanges}, written just before the transaction commits with the batch's token).
 *
 * <p>During a replay the auth view is left alone: it is already up to date, and rebuilding it from scratch would
 * show the token endpoint past states (a deleted secret, a disabled client) while the replay runs. It only ever
 * moves forward, with the live events after the replay's starting point.
 */
@Component
@ProcessingGroup(QueryViews.PROCESSING_GROUP)
public class ClientProjector {

    private static final String CHANGES = ClientChanges.class.getName();

    private final ClientViewStore views;
    private final ClientAuthStore auth;

    public ClientProjector(ClientViewStore views, ClientAuthStore auth) {
        this.views = views;
        this.auth = auth;
    }

    @EventHandler
    public void on(ClientEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        if (!CurrentUnitOfWork.isStarted()) {
            project(List.of(new ProjectedEvent<>(event, sequence, at, !replay.isReplay())));
            return;
        }
        ViewTransaction.changes(CurrentUnitOfWork.get(), CHANGES,
                        batch -> ClientChanges.of(views, auth, clientsIn(batch)), ClientChanges::write)
                .apply(event, sequence, at, replay.isReplay());
    }

    /**
     * Projects a page of a rebuild in the current transaction, as one batch of the processor: the page's clients read
     * in one query, folded, and written in one batch per view.
     */
    public void project(List<ProjectedEvent<ClientEvent>> page) {
        Set<ClientId> clients = new LinkedHashSet<>();
        page.forEach(projected -> clients.add(projected.event().clientId()));
        ClientChanges changes = ClientChanges.of(views, auth, clients);
        page.forEach(projected -> changes.apply(projected.event(), projected.sequence(), projected.at(),
                !projected.live()));
        changes.write();
    }

    private static Set<ClientId> clientsIn(List<? extends Message<?>> batch) {
        Set<ClientId> clients = new LinkedHashSet<>();
        for (Message<?> message : batch) {
            if (ClientEvent.class.isAssignableFrom(message.getPayloadType())) {
                clients.add(((ClientEvent) message.getPayload()).clientId());
            }
        }
        return clients;
    }

    @ResetHandler
    void reset() {
        views.clear();
    }
}
