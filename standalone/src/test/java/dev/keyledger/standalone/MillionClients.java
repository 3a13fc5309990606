package dev.keyledger.standalone;

import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.SecondarySecretAdded;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A large population of clients written straight through Axon's storage engine (the command side's rules are not
 * what is measured), for the views to project with their real projectors: every client registered with a role, a
 * fifth given a second role, a tenth a second secret, one in twenty disabled; names like a platform team's services
 * ({@code payments-ledger-api-000123}), so that a search for a fragment finds a realistic handful. One client gets a
 * long history of detail changes, for the {@code asOf} read.
 */
final class MillionClients {

    static final int ROLES = 20;
    private static final String[] DOMAINS = {"payments", "billing", "orders", "search", "identity", "catalog",
            "shipping", "ledger", "pricing", "inventory", "reports", "alerts", "profiles", "checkout", "fraud",
            "loyalty", "media", "messaging", "gateway", "analytics"};
    private static final String[] KINDS = {"api", "worker", "batch", "sync", "cron", "stream", "proxy", "job"};
    private static final Map<String, String> METADATA = Map.of(AuditMetadata.ACTOR, "bench",
            AuditMetadata.CORRELATION_ID, "bench-load", AuditMetadata.SOURCE_ADDRESS, "127.0.0.1");
    private static final int BATCH = 2000;

    private final EventStorageEngine engine;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private long appended;

    MillionClients(RunningKeyledger keyledger) {
        this.engine = keyledger.bean(EventStorageEngine.class);
    }

    /** The roles every generated client draws from, one permission each. */
    void roles() {
        for (int r = 0; r < ROLES; r++) {
            RoleName role = role(r);
            add("Role", RoleStream.idOf(role), 0, new RoleCreated(role, "bench role " + r,
                    Set.of(new Permission(DOMAINS[r] + ":read"), new Permission(DOMAINS[r] + ":write"))));
        }
        flush();
    }

    /** Clients number {@code from} (inclusive) to {@code to} (exclusive). */
    void clients(long from, long to) {
        for (long n = from; n < to; n++) {
            ClientId id = ClientId.generate();
            int domain = (int) (n % DOMAINS.length);
            String name = DOMAINS[domain] + "-" + DOMAINS[(int) (n / DOMAINS.length % DOMAINS.length)] + "-"
                    + KINDS[(int) (n % KINDS.length)] + "-" + String.format("%07d", n);
            long sequence = 0;
            add("Client", id.value(), sequence++, new ClientRegistered(id, name, "service " + n, Set.of(role(domain)),
                    n % 3 == 0 ? 300 : 3600, n % 4 == 0 ? List.of(URI.create("https://" + DOMAINS[domain] + ".internal"))
                            : List.of(), secret()));
            if (n % 5 == 0) {
                add("Client", id.value(), sequence++, new RoleAssigned(id, role((domain + 1) % ROLES)));
            }
            if (n % 10 == 0) {
                add("Client", id.value(), sequence++, new SecondarySecretAdded(id, secret()));
            }
            if (n % 20 == 7) {
                add("Client", id.value(), sequence++, new ClientDisabled(id));
            }
        }
        flush();
    }

    /** One client whose stream holds {@code events} events: its registration, then detail changes. */
    ClientId longHistory(long events) {
        ClientId id = ClientId.generate();
        add("Client", id.value(), 0, new ClientRegistered(id, "long-history-client", "changed often",
                Set.of(role(0)), 3600, List.of(), secret()));
        for (long sequence = 1; sequence < events; sequence++) {
            add("Client", id.value(), sequence, new ClientDetailsChanged(id, "long-history-client",
                    "revision " + sequence, (int) (600 + sequence % 3000), null));
        }
        flush();
        return id;
    }

    long appended() {
        return appended;
    }

    static RoleName role(int r) {
        return new RoleName("svc-" + DOMAINS[r]);
    }

    private void add(String type, String aggregateId, long sequence, Object payload) {
        batch.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, METADATA));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            appended += batch.size();
            batch.clear();
        }
    }

    private static HashedSecret secret() {
        return HashedSecret.of(SecretId.generate(), "kls_" + SecretId.generate().value() + SecretId.generate().value(),
                null);
    }
}
