package dev.keyledger.standalone;

import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.RoleUnassigned;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.query.role.RoleFold;
import dev.keyledger.query.role.RoleSnapshot;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' projection against an oracle, over a randomized history: clients and roles interleaved the way batches
 * of the views' processor mix them (a client registered with a role not created yet, roles replaced and deleted
 * and re-created while their holders change), appended straight into the event store in chunks of random size. About
 * a hundred clients share the history's events, about twenty each.
 * Each client's row must hold the kernel's fold of its stream and the effective permissions of the roles as they
 * end, once projected live and again after a replay; the replay rebuilds both views row for row and leaves the
 * client auth view as it was.
 */
@KeyledgerService
class RandomizedReplayTest {

    private static final Map<String, String> METADATA = Map.of(AuditMetadata.ACTOR, "randomized-replay-test",
            AuditMetadata.CORRELATION_ID, "randomized-replay", AuditMetadata.SOURCE_ADDRESS, "127.0.0.1");

    private static final Duration HISTORY_PROJECTED = Duration.ofMinutes(3);

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final List<RoleName> roleNames = new ArrayList<>();
    private final Map<RoleName, RoleSnapshot> roles = new LinkedHashMap<>();
    private final Map<ClientId, ClientState> clients = new LinkedHashMap<>();
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @Test
    void whenARandomHistoryIsProjectedLiveAndReplayed_thenEveryRowIsTheFoldOfItsStreams(RunningKeyledger keyledger) {
        for (int r = 0; r < 5; r++) {
            roleNames.add(new RoleName(UniqueNames.unique("random-role-" + r)));
        }
        while (history.size() < 2_000) {
            nextEvent();
        }
        EventStorageEngine engine = keyledger.bean(EventStorageEngine.class);
        for (int from = 0; from < history.size(); ) {
            int to = Math.min(history.size(), from + 1 + random.nextInt(200));
            engine.appendEvents(history.subList(from, to));
            from = to;
        }
        Eventually.holds("views caught up", HISTORY_PROJECTED, () -> ViewsProgress.caughtUp(keyledger));
        assertThat(clientRows(keyledger)).as("live projection, seed %d", seed).isEqualTo(expectedClientRows());
        assertThat(authRows(keyledger, false)).as("auth view, seed %d", seed).isEqualTo(expectedClientRows());
        String clientView = table(keyledger, "query_client", "client_id");
        String roleView = table(keyledger, "query_role", "role_name");
        String authView = authRows(keyledger, true);

        assertThat(keyledger.admin().post("/api/v1/projections/query-views/replay", null).status()).isEqualTo(202);
        Eventually.holds("replay finished", HISTORY_PROJECTED, () -> ViewsProgress.caughtUp(keyledger));

        assertThat(clientRows(keyledger)).as("replayed, seed %d", seed).isEqualTo(expectedClientRows());
        assertThat(table(keyledger, "query_client", "client_id")).as("seed %d", seed).isEqualTo(clientView);
        assertThat(table(keyledger, "query_role", "role_name")).as("seed %d", seed).isEqualTo(roleView);
        assertThat(authRows(keyledger, true)).as("seed %d", seed).isEqualTo(authView);
    }

    private void nextEvent() {
        int dice = random.nextInt(100);
        if (dice < 6) {
            roleEvent(roleNames.get(random.nextInt(roleNames.size())));
        } else if (dice < 11 || clients.isEmpty()) {
            ClientId id = ClientId.generate();
            client(id, new ClientRegistered(id, "random", null, someRoles(), 900, List.of(), secret()));
        } else {
            List<ClientId> ids = new ArrayList<>(clients.keySet());
            ClientId id = ids.get(random.nextInt(ids.size()));
            ClientState state = clients.get(id);
            if (state.status() == ClientStatus.DELETED) {
                return;
            }
            client(id, clientEvent(state));
        }
    }

    private ClientEvent clientEvent(ClientState state) {
        ClientId id = state.clientId();
        RoleName role = roleNames.get(random.nextInt(roleNames.size()));
        return switch (random.nextInt(8)) {
            case 0, 1 -> state.roles().contains(role) ? new RoleUnassigned(id, role) : new RoleAssigned(id, role);
            case 2 -> state.status() == ClientStatus.ACTIVE ? new ClientDisabled(id) : new ClientEnabled(id);
            case 3 -> new ClientSecretRotated(id, secret(), state.primary().secret().secretId());
            case 4, 5 -> new ClientDetailsChanged(id, "renamed-" + random.nextInt(1000), null,
                    300 + random.nextInt(3000), null);
            case 6 -> new RoleAssigned(id, role);
            default -> random.nextInt(4) == 0 ? new ClientDeleted(id) : new ClientEnabled(id);
        };
    }

    private void roleEvent(RoleName name) {
        RoleSnapshot current = roles.get(name);
        RoleEvent event;
        if (current == null || !current.live()) {
            event = new RoleCreated(name, null, somePermissions());
        } else if (random.nextInt(3) == 0) {
            event = new RoleDeleted(name);
        } else {
            Set<Permission> permissions = somePermissions();
            Set<Permission> added = new HashSet<>(permissions);
            added.removeAll(current.permissions());
            Set<Permission> removed = new HashSet<>(current.permissions());
            removed.removeAll(permissions);
            event = new RolePermissionsReplaced(name, permissions, added, removed);
        }
        long sequence = current == null ? 0 : current.version() + 1;
        roles.put(name, RoleFold.apply(current, event, sequence, Instant.now()));
        history.add(new GenericDomainEventMessage<>("Role", RoleStream.idOf(name), sequence, event, METADATA));
    }

    private void client(ClientId id, ClientEvent event) {
        ClientState current = clients.get(id);
        long sequence = current == null ? 0 : current.version() + 1;
        clients.put(id, ClientFold.apply(current, event, sequence, Instant.now()));
        history.add(new GenericDomainEventMessage<>("Client", id.value(), sequence, event, METADATA));
    }

    private Set<RoleName> someRoles() {
        Set<RoleName> some = new TreeSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            some.add(roleNames.get(random.nextInt(roleNames.size())));
        }
        return some;
    }

    private Set<Permission> somePermissions() {
        Set<Permission> some = new TreeSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            some.add(new Permission("random:p" + random.nextInt(8)));
        }
        return some;
    }

    private static HashedSecret secret() {
        return HashedSecret.of(SecretId.generate(), "kls_" + SecretId.generate().value() + SecretId.generate().value(),
                null);
    }

    /** What the oracle expects of each client: its version, status, name, roles and effective permissions. */
    private String expectedClientRows() {
        return clients.values().stream()
                .sorted((a, b) -> a.clientId().value().compareTo(b.clientId().value()))
                .map(state -> String.join(" ", state.clientId().value(), Long.toString(state.version()),
                        state.status().name(), state.name(), names(state.roles()), names(permissionsOf(state))))
                .collect(Collectors.joining("\n"));
    }

    private SortedSet<String> permissionsOf(ClientState state) {
        SortedSet<String> permissions = new TreeSet<>();
        state.roles().stream().map(roles::get)
                .filter(role -> role != null && role.live())
                .forEach(role -> role.permissions().forEach(permission -> permissions.add(permission.toString())));
        return permissions;
    }

    private static String names(Set<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private String clientRows(RunningKeyledger keyledger) {
        return keyledger.jdbc().sql("""
                        SELECT coalesce(string_agg(concat_ws(' ', client_id, version, status, name,
                            '[' || array_to_string(roles, ',') || ']', '[' || array_to_string(permissions, ',') || ']'),
                            E'\\n' ORDER BY client_id COLLATE "C"), '')
                        FROM query_client WHERE client_id = ANY(?)""")
                .param(clients.keySet().stream().map(ClientId::value).toArray(String[]::new))
                .query(String.class).single();
    }

    /** The auth view's rows of this test's clients: whole, or in the shape of {@link #clientRows}. */
    private String authRows(RunningKeyledger keyledger, boolean whole) {
        String row = whole ? "a::text" : """
                concat_ws(' ', client_id, version, status, (SELECT name FROM query_client c
                    WHERE c.client_id = a.client_id), '[' || array_to_string(roles, ',') || ']',
                    '[' || array_to_string(permissions, ',') || ']')""";
        return keyledger.jdbc().sql("SELECT coalesce(string_agg(" + row + ", E'\\n' ORDER BY client_id COLLATE \"C\"),"
                        + " '') FROM query_client_auth a WHERE client_id = ANY(?)")
                .param(clients.keySet().stream().map(ClientId::value).toArray(String[]::new))
                .query(String.class).single();
    }

    /** The whole table as PostgreSQL prints it, row by row in key order. */
    private static String table(RunningKeyledger keyledger, String table, String key) {
        return keyledger.jdbc().sql("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY " + key + "), '') FROM "
                + table + " t").query(String.class).single();
    }
}
