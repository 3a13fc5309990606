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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A client as it was at a past instant, rebuilt from the event store rather than the view: its events up to and
 * including that instant (from a snapshot on, for a long stream: {@link ClientSnapshots}), and the permissions its
 * roles had then. Time stamps are compared at the precision
 * stored (milliseconds), so an instant given with more digits includes every event of its millisecond and before.
 */
@Component
public class ClientAsOf {

    private final StoredEvents events;
    private final ClientViews views;
    private final ClientSnapshots snapshots;

    ClientAsOf(StoredEvents events, ClientViews views, ClientSnapshots snapshots) {
        this.events = events;
        this.views = views;
        this.snapshots = snapshots;
    }

    /**
     * Empty if the client did not exist at that instant. Starts from the latest snapshot of the stream that the
     * instant covers, folds on from there, and keeps the snapshots it passes that were not kept yet.
     */
    public Optional<ClientView> at(ClientId clientId, Instant instant) {
        Optional<ClientSnapshot> start = snapshots.latestAt(clientId.value(), instant);
        ClientState client = start.map(ClientSnapshot::state).orElse(null);
        Instant through = start.map(ClientSnapshot::through).orElse(Instant.MIN);
        List<ClientSnapshot> passed = new ArrayList<>();
        for (StoredEvent stored : events.stream(clientId.value(), start.map(ClientSnapshot::sequence).orElse(-1L))) {
            DomainEventMessage<?> message = stored.message();
            Instant timestamp = message.getTimestamp();
            if (timestamp.isAfter(instant)) {
                break;
            }
            client = ClientFold.apply(client, (ClientEvent) message.getPayload(), message.getSequenceNumber(),
                    timestamp);
            through = timestamp.isAfter(through) ? timestamp : through;
            if (snapshots.due(message.getSequenceNumber())) {
                passed.add(new ClientSnapshot(message.getSequenceNumber(), through, client));
            }
        }
        snapshots.save(clientId.value(), passed);
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
