package dev.keyledger.query.client;

import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEvent;
import dev.keyledger.query.eventstore.StoredEvents;
import dev.keyledger.query.role.RoleFold;
import dev.keyledger.query.role.RoleSnapshot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A client as it was at a past instant, rebuilt from the event store rather than the view: its events up to and
 * including that instant, and the permissions its roles had then. Time stamps are compared at the precision
 * stored (milliseconds), so an instant given with more digits includes every event of its millisecond and before.
 */
@Component
public class ClientAsOf {

    private final StoredEvents events;
    private final ClientViews views;

    ClientAsOf(StoredEvents events, ClientViews views) {
        this.events = events;
        this.views = views;
    }

    /** Empty if the client did not exist at that instant. */
    public Optional<ClientView> at(ClientId clientId, Instant instant) {
        ClientState client = null;
        for (StoredEvent stored : events.list(EventCriteria.ofAggregate(clientId.value()))) {
            DomainEventMessage<?> message = stored.message();
            if (message.getTimestamp().isAfter(instant)) {
                break;
            }
            client = ClientFold.apply(client, (ClientEvent) message.getPayload(), message.getSequenceNumber(),
                    message.getTimestamp());
        }
        if (client == null) {
            return Optional.empty();
        }
        SortedSet<Permission> permissions = new TreeSet<>();
        for (RoleName role : client.roles()) {
            roleAt(role, instant).filter(RoleSnapshot::live)
                    .ifPresent(state -> permissions.addAll(state.permissions()));
        }
        return Optional.of(views.render(client, permissions));
    }

    private Optional<RoleSnapshot> roleAt(RoleName role, Instant instant) {
        RoleSnapshot state = null;
        for (StoredEvent stored : events.list(EventCriteria.ofAggregate(RoleStream.idOf(role)))) {
            DomainEventMessage<?> message = stored.message();
            if (message.getTimestamp().isAfter(instant)) {
                break;
            }
            state = RoleFold.apply(state, (RoleEvent) message.getPayload(), message.getSequenceNumber(),
                    message.getTimestamp());
        }
        return Optional.ofNullable(state);
    }
}
