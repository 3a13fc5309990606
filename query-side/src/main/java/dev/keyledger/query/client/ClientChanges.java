package dev.keyledger.query.client;

import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.query.auth.ClientAuthStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients one transaction of the views' processor changes: their rows read in one query, their events folded
 * in memory, the results written in one batch per view. An event whose sequence number a client has already
 * reached is a redelivery and changes nothing.
 *
 * <p>The client auth view gets a client's state only if one of its events here was live, not replayed; then its
 * last state, since a replay's events all come before the live ones.
 */
final class ClientChanges {

    private final ClientViewStore views;
    private final ClientAuthStore auth;
    private final Map<ClientId, ClientState> current = new HashMap<>();
    private final Map<ClientId, Boolean> changedLive = new LinkedHashMap<>();

    private ClientChanges(ClientViewStore views, ClientAuthStore auth, Collection<ClientId> expected) {
        this.views = views;
        this.auth = auth;
        expected.forEach(clientId -> current.put(clientId, null));
        current.putAll(views.loadAll(expected));
    }

    /** Changes to the clients in {@code expected} (others are read when their first event comes). */
    static ClientChanges of(ClientViewStore views, ClientAuthStore auth, Collection<ClientId> expected) {
        return new ClientChanges(views, auth, expected);
    }

    void apply(ClientEvent event, long sequence, Instant at, boolean replay) {
        ClientId clientId = event.clientId();
        if (!current.containsKey(clientId)) {
            current.put(clientId, views.load(clientId).orElse(null));
        }
        ClientState state = current.get(clientId);
        if (state != null && !state.isBefore(sequence)) {
            return;
        }
        current.put(clientId, ClientFold.apply(state, event, sequence, at));
        changedLive.merge(clientId, !replay, Boolean::logicalOr);
    }

    /** Writes the changed clients, each with the effective permissions the role view gives it as it stands now. */
    void write() {
        if (changedLive.isEmpty()) {
            return;
        }
        List<ClientState> changed = new ArrayList<>(changedLive.size());
        List<ClientState> live = new ArrayList<>();
        changedLive.forEach((clientId, isLive) -> {
            changed.add(current.get(clientId));
            if (isLive) {
                live.add(current.get(clientId));
            }
        });
        views.saveAll(changed);
        auth.saveAll(live);
        changedLive.clear();
    }
}
