package dev.keyledger.standalone;

import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the event store fast for the benchmarks: realistic client lifecycles appended in batches straight through
 * Axon's storage engine (the command side's rules are not what is measured here).
 */
final class SyntheticEvents {

    /** Events per client: registered, disabled, enabled, secret rotated, details changed. */
    static final int PER_CLIENT = 5;
    private static final int ROLES = 10;
    private static final Map<String, String> METADATA = Map.of(AuditMetadata.ACTOR, "bench",
            AuditMetadata.CORRELATION_ID, "bench-load", AuditMetadata.SOURCE_ADDRESS, "127.0.0.1");

    private SyntheticEvents() {
    }

    /** Appends about {@code events} events (some roles, then whole client lifecycles); returns how many. */
    static long append(RunningKeyledger keyledger, long events) {
        return append(keyledger, events, "bench-role-");
    }

    /** The same, with roles named by {@code rolePrefix}: a second call in one store needs other role names. */
    static long append(RunningKeyledger keyledger, long events, String rolePrefix) {
        EventStorageEngine engine = keyledger.bean(EventStorageEngine.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int r = 0; r < ROLES; r++) {
            RoleName role = new RoleName(rolePrefix + r);
            batch.add(message("Role", RoleStream.idOf(role), 0,
                    new RoleCreated(role, null, Set.of(new Permission("bench:" + r)))));
        }
        long appended = 0;
        long clients = Math.max(1, (events - ROLES) / PER_CLIENT);
        for (long c = 0; c < clients; c++) {
            ClientId id = ClientId.generate();
            RoleName role = new RoleName(rolePrefix + (c % ROLES));
            HashedSecret first = secret();
            batch.add(message("Client", id.value(), 0, new ClientRegistered(id, "bench-" + c, null, Set.of(role),
                    3600, List.of(), first)));
            batch.add(message("Client", id.value(), 1, new ClientDisabled(id)));
            batch.add(message("Client", id.value(), 2, new ClientEnabled(id)));
            batch.add(message("Client", id.value(), 3, new ClientSecretRotated(id, secret(), first.secretId())));
            batch.add(message("Client", id.value(), 4, new ClientDetailsChanged(id, "bench-renamed-" + c, null,
                    900, null)));
            if (batch.size() >= 1000) {
                engine.appendEvents(batch);
                appended += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            appended += batch.size();
        }
        return appended;
    }

    private static HashedSecret secret() {
        String plaintext = "kls_" + SecretId.generate().value() + SecretId.generate().value();
        return HashedSecret.of(SecretId.generate(), plaintext, null);
    }

    private static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, METADATA);
    }
}
