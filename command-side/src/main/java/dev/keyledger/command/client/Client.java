package dev.keyledger.command.client;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.StaleVersion;
import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.client.command.AddSecondarySecret;
import dev.keyledger.kernel.client.command.AssignRole;
import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.client.command.DeleteClient;
import dev.keyledger.kernel.client.command.DeleteSecondarySecret;
import dev.keyledger.kernel.client.command.DisableClient;
import dev.keyledger.kernel.client.command.EnableClient;
import dev.keyledger.kernel.client.command.PromoteSecondarySecret;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.client.command.RotateClientSecret;
import dev.keyledger.kernel.client.command.UnassignRole;
import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.RoleUnassigned;
import dev.keyledger.kernel.client.event.SecondarySecretAdded;
import dev.keyledger.kernel.client.event.SecondarySecretDeleted;
import dev.keyledger.kernel.client.event.SecondarySecretPromoted;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.id.SecretSlot;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A machine client and its credentials. Invariants: at most one secondary secret; only the secondary can be
 * promoted or deleted, so a client always has a primary; a one-step rotation needs a free secondary slot; a deleted
 * client accepts no further change; a role must exist to be assigned.
 */
@Aggregate
class Client {

    @AggregateIdentifier
    private ClientId clientId;
    private String name;
    private String description;
    private ClientStatus status;
    private final SortedSet<RoleName> roles = new TreeSet<>();
    private int accessTokenTtlSeconds;
    private List<URI> allowedAudiences = List.of();
    private SecretEntry primary;
    private SecretEntry secondary;
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    Client() {
        // Axon rebuilds the aggregate from its events, starting from this empty instance.
    }

    @CommandHandler
    Client(RegisterClient command, RoleDirectory roleDirectory) {
        command.roles().forEach(role -> requireRoleExists(role, roleDirectory));
        // Events keep the plain values they have always been stored with (docs/DECISIONS.md, decision 69).
        apply(new ClientRegistered(command.clientId(), command.name().value(),
                plain(command.description(), ClientDescription::value), new TreeSet<>(command.roles()),
                command.accessTokenLifetime().seconds(), uris(command.allowedAudiences()), command.primarySecret()));
    }

    @CommandHandler
    ClientState handle(ChangeClientDetails command) {
        requireWritable(command);
        String newName = changedOrNull(name, plain(command.name(), ClientName::value));
        String newDescription = changedOrNull(Objects.requireNonNullElse(description, ""),
                plain(command.description(), ClientDescription::value));
        Integer newTtl = changedOrNull(accessTokenTtlSeconds,
                plain(command.accessTokenLifetime(), TokenLifetime::seconds));
        List<URI> newAudiences = changedOrNull(allowedAudiences, plain(command.allowedAudiences(), Client::uris));
        if (Stream.of(newName, newDescription, newTtl, newAudiences).anyMatch(Objects::nonNull)) {
            apply(new ClientDetailsChanged(clientId, newName, newDescription, newTtl, newAudiences));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(AddSecondarySecret command) {
        requireWritable(command);
        if (secondary != null) {
            throw new Conflict("secondary-secret-exists", "the client already has a secondary secret ("
                    + secondary.secret().secretId() + "): promote or delete it first");
        }
        apply(new SecondarySecretAdded(clientId, command.secret()));
        return state();
    }

    @CommandHandler
    ClientState handle(PromoteSecondarySecret command) {
        requireWritable(command);
        requireSecondary(command.secretId(), "promoted");
        apply(new SecondarySecretPromoted(clientId, command.secretId(), primary.secret().secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(RotateClientSecret command) {
        requireWritable(command);
        if (secondary != null) {
            throw new Conflict("secondary-secret-exists", "a one-step rotation demotes the primary to secondary, "
                    + "but the client already has a secondary secret (" + secondary.secret().secretId()
                    + "): delete or promote it first");
        }
        apply(new ClientSecretRotated(clientId, command.newPrimary(), primary.secret().secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(DeleteSecondarySecret command, SecretUsage usage) {
        requireWritable(command);
        requireSecondary(command.secretId(), "deleted");
        if (!command.force()) {
            requireUnusedLately(command.secretId(), usage);
        }
        apply(new SecondarySecretDeleted(clientId, command.secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(AssignRole command, RoleDirectory roleDirectory) {
        requireWritable(command);
        requireRoleExists(command.role(), roleDirectory);
        if (!roles.contains(command.role())) {
            apply(new RoleAssigned(clientId, command.role()));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(UnassignRole command) {
        requireWritable(command);
        if (roles.contains(command.role())) {
            apply(new RoleUnassigned(clientId, command.role()));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(DisableClient command) {
        requireWritable(command);
        if (status == ClientStatus.ACTIVE) {
            apply(new ClientDisabled(clientId));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(EnableClient command) {
        requireWritable(command);
        if (status == ClientStatus.DISABLED) {
            apply(new ClientEnabled(clientId));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(DeleteClient command) {
        requireWritable(command);
        apply(new ClientDeleted(clientId));
        return state();
    }

    /** The current state; also read after registration, whose creating handler cannot return it. */
    ClientState state() {
        List<SecretEntry> secrets = secondary == null ? List.of(primary) : List.of(primary, secondary);
        return new ClientState(clientId, name, description, status, new TreeSet<>(roles), accessTokenTtlSeconds,
                allowedAudiences, secrets, version, createdAt, updatedAt);
    }

    private void requireWritable(VersionedCommand command) {
        if (status == ClientStatus.DELETED) {
            throw new Conflict("client-deleted", "client " + clientId + " is deleted and accepts no change");
        }
        StaleVersion.check(command, version);
    }

    private void requireSecondary(SecretId secretId, String verb) {
        if (primary.secret().secretId().equals(secretId)) {
            throw new Conflict("primary-secret", "secret " + secretId + " is the primary: only the secondary can be "
                    + verb + (verb.equals("deleted") ? " (rotate first)" : ""));
        }
        if (secondary == null || !secondary.secret().secretId().equals(secretId)) {
            throw new NotFound("unknown-secret", "client " + clientId + " has no secret " + secretId);
        }
    }

    private static void requireUnusedLately(SecretId secretId, SecretUsage usage) {
        Optional<Instant> lastUsed = usage.lastUsedAt(secretId);
        if (lastUsed.isPresent() && lastUsed.get().isAfter(Instant.now().minus(usage.deleteGuard()))) {
            throw new Conflict("secret-recently-used", "secret " + secretId + " authenticated at " + lastUsed.get()
                    + ", within the last " + usage.deleteGuard().toMinutes() + " minutes: something still uses it."
                    + " Delete it once it is unused, or with ?force=true", Map.of("lastUsedAt", lastUsed.get()));
        }
    }

    private static void requireRoleExists(RoleName role, RoleDirectory roleDirectory) {
        if (!roleDirectory.exists(role)) {
            throw new NotFound("unknown-role", "there is no role named " + role);
        }
    }

    private static <T> T changedOrNull(T current, T requested) {
        return requested == null || requested.equals(current) ? null : requested;
    }

    private static <T, R> R plain(T value, Function<T, R> unwrap) {
        return value == null ? null : unwrap.apply(value);
    }

    private static List<URI> uris(List<Audience> audiences) {
        return audiences.stream().map(Audience::uri).toList();
    }

    @EventSourcingHandler
    void on(ClientRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        clientId = event.clientId();
        name = event.name();
        description = event.description();
        status = ClientStatus.ACTIVE;
        roles.addAll(event.roles());
        accessTokenTtlSeconds = event.accessTokenTtlSeconds();
        allowedAudiences = List.copyOf(event.allowedAudiences());
        primary = new SecretEntry(event.primarySecret(), SecretSlot.PRIMARY, at);
        createdAt = at;
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(ClientDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        name = Objects.requireNonNullElse(event.name(), name);
        if (event.description() != null) {
            description = event.description().isEmpty() ? null : event.description();
        }
        accessTokenTtlSeconds = Objects.requireNonNullElse(event.accessTokenTtlSeconds(), accessTokenTtlSeconds);
        allowedAudiences = Objects.requireNonNullElse(event.allowedAudiences(), allowedAudiences);
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(SecondarySecretAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        secondary = new SecretEntry(event.secret(), SecretSlot.SECONDARY, at);
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(SecondarySecretPromoted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        SecretEntry formerPrimary = primary;
        primary = secondary.inSlot(SecretSlot.PRIMARY);
        secondary = formerPrimary.inSlot(SecretSlot.SECONDARY);
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(ClientSecretRotated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        secondary = primary.inSlot(SecretSlot.SECONDARY);
        primary = new SecretEntry(event.newPrimary(), SecretSlot.PRIMARY, at);
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(SecondarySecretDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        secondary = null;
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(RoleAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        roles.add(event.role());
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(RoleUnassigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        roles.remove(event.role());
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(ClientDisabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = ClientStatus.DISABLED;
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(ClientEnabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = ClientStatus.ACTIVE;
        touched(sequence, at);
    }

    @EventSourcingHandler
    void on(ClientDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = ClientStatus.DELETED;
        touched(sequence, at);
    }

    private void touched(long sequence, Instant at) {
        version = sequence;
        updatedAt = at;
    }
}
