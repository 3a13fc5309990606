package dev.keyledger.command.client;

import dev.keyledger.command.dispatch.CommandTargets;
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
import dev.keyledger.kernel.client.command.AddClientKey;
import dev.keyledger.kernel.client.command.AddFederatedCredential;
import dev.keyledger.kernel.client.command.AddSecondarySecret;
import dev.keyledger.kernel.client.command.AssignRole;
import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.client.command.DeleteClient;
import dev.keyledger.kernel.client.command.DeleteSecondarySecret;
import dev.keyledger.kernel.client.command.DisableClient;
import dev.keyledger.kernel.client.command.EnableClient;
import dev.keyledger.kernel.client.command.PromoteSecondarySecret;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.client.command.RemoveClientKey;
import dev.keyledger.kernel.client.command.RemoveFederatedCredential;
import dev.keyledger.kernel.client.command.RotateClientSecret;
import dev.keyledger.kernel.client.command.UnassignRole;
import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.event.ClientKeyAdded;
import dev.keyledger.kernel.client.event.ClientKeyRemoved;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.FederatedCredentialAdded;
import dev.keyledger.kernel.client.event.FederatedCredentialRemoved;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.RoleUnassigned;
import dev.keyledger.kernel.client.event.SecondarySecretAdded;
import dev.keyledger.kernel.client.event.SecondarySecretDeleted;
import dev.keyledger.kernel.client.event.SecondarySecretPromoted;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A machine client and its credentials. Invariants: at most one secondary secret; only the secondary can be
 * promoted or deleted, so a client always has a primary; a one-step rotation needs a free secondary slot; a deleted
 * client accepts no further change; a role must exist to be assigned; at most {@value #MAX_KEYS} public keys, their
 * {@code kid}s distinct (an assertion names its key by {@code kid}).
 *
 * <p>This class holds decisions only: which event a command applies, or why it is refused. What an event does to
 * the state is {@link ClientFold}'s, shared with the query side's projection and {@code ?asOf=} reads
 * (docs/DECISIONS.md 66).
 */
@Aggregate(cache = Client.CACHE, commandTargetResolver = CommandTargets.BEAN)
class Client {

    /** The bean Axon keeps clients in between commands, when this node is the store's only writer (decision 146). */
    static final String CACHE = "clientCache";

    /** Two, like secrets: the next key is registered before the old one is removed, so keys rotate with no gap. */
    static final int MAX_KEYS = 2;
    /** Enough for a workload per environment and branch; a bound, so that matching a token stays cheap. */
    static final int MAX_FEDERATED_CREDENTIALS = 20;

    /** Where Axon reads the aggregate's identity; always {@code state.clientId()}. */
    @AggregateIdentifier
    private ClientId clientId;
    private ClientState state;

    Client() {
        // Axon rebuilds the aggregate from its events, starting from this empty instance.
    }

    /**
     * A handler on a new instance rather than a constructor, so that it answers with the state its event produced:
     * the registration's answer needs no second load of the events it has just appended (issue 17).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ClientState handle(RegisterClient command, RoleDirectory roleDirectory) {
        command.roles().forEach(role -> requireRoleExists(role, roleDirectory));
        // Events keep the plain values they have always been stored with (docs/DECISIONS.md 67).
        apply(new ClientRegistered(command.clientId(), command.name().value(),
                plain(command.description(), ClientDescription::value), new TreeSet<>(command.roles()),
                command.accessTokenLifetime().seconds(), uris(command.allowedAudiences()), command.primarySecret()));
        return state;
    }

    @CommandHandler
    ClientState handle(ChangeClientDetails command) {
        requireWritable(command);
        String newName = changedOrNull(state.name(), plain(command.name(), ClientName::value));
        String newDescription = changedOrNull(Objects.requireNonNullElse(state.description(), ""),
                plain(command.description(), ClientDescription::value));
        Integer newTtl = changedOrNull(state.accessTokenTtlSeconds(),
                plain(command.accessTokenLifetime(), TokenLifetime::seconds));
        List<URI> newAudiences = changedOrNull(state.allowedAudiences(),
                plain(command.allowedAudiences(), Client::uris));
        if (Stream.of(newName, newDescription, newTtl, newAudiences).anyMatch(Objects::nonNull)) {
            apply(new ClientDetailsChanged(clientId, newName, newDescription, newTtl, newAudiences));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(AddSecondarySecret command) {
        requireWritable(command);
        if (state.secondary() != null) {
            throw new Conflict("secondary-secret-exists", "the client already has a secondary secret ("
                    + state.secondary().secret().secretId() + "): promote or delete it first");
        }
        apply(new SecondarySecretAdded(clientId, command.secret()));
        return state();
    }

    @CommandHandler
    ClientState handle(PromoteSecondarySecret command) {
        requireWritable(command);
        requireSecondary(command.secretId(), "promoted");
        apply(new SecondarySecretPromoted(clientId, command.secretId(), state.primary().secret().secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(RotateClientSecret command) {
        requireWritable(command);
        if (state.secondary() != null) {
            throw new Conflict("secondary-secret-exists", "a one-step rotation demotes the primary to secondary, "
                    + "but the client already has a secondary secret (" + state.secondary().secret().secretId()
                    + "): delete or promote it first");
        }
        apply(new ClientSecretRotated(clientId, command.newPrimary(), state.primary().secret().secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(DeleteSecondarySecret command, SecretUsage usage) {
        requireWritable(command);
        requireSecondary(command.secretId(), "deleted");
        if (!command.force()) {
            requireUnusedLately("secret-recently-used", "secret " + command.secretId(),
                    usage.lastUsedAt(command.secretId()), usage);
        }
        apply(new SecondarySecretDeleted(clientId, command.secretId()));
        return state();
    }

    @CommandHandler
    ClientState handle(AddClientKey command) {
        requireWritable(command);
        if (state.keys().size() >= MAX_KEYS) {
            throw new Conflict("too-many-keys", "the client already has " + MAX_KEYS + " keys: remove one first");
        }
        String kid = command.key().kid();
        if (state.keys().stream().anyMatch(key -> key.key().kid().equals(kid))) {
            throw new Conflict("kid-in-use", "the client already has a key with kid " + kid
                    + ": an assertion names its key by kid, so each must be distinct");
        }
        apply(new ClientKeyAdded(clientId, command.key()));
        return state();
    }

    @CommandHandler
    ClientState handle(RemoveClientKey command, SecretUsage usage) {
        requireWritable(command);
        ClientKeyId keyId = command.keyId();
        if (state.keys().stream().noneMatch(key -> key.key().keyId().equals(keyId))) {
            throw new NotFound("unknown-key", "client " + clientId + " has no key " + keyId);
        }
        if (!command.force()) {
            requireUnusedLately("key-recently-used", "key " + keyId, usage.lastUsedAt(keyId), usage);
        }
        apply(new ClientKeyRemoved(clientId, keyId));
        return state();
    }

    @CommandHandler
    ClientState handle(AddFederatedCredential command) {
        requireWritable(command);
        if (state.federatedCredentials().size() >= MAX_FEDERATED_CREDENTIALS) {
            throw new Conflict("too-many-federated-credentials", "the client already has "
                    + MAX_FEDERATED_CREDENTIALS + " federated credentials: remove one first");
        }
        if (state.federatedCredentials().stream()
                .anyMatch(rule -> rule.credential().sameTrustAs(command.credential()))) {
            throw new Conflict("federated-credential-exists", "the client already trusts this issuer, subject and "
                    + "audiences");
        }
        apply(new FederatedCredentialAdded(clientId, command.credential()));
        return state();
    }

    @CommandHandler
    ClientState handle(RemoveFederatedCredential command) {
        requireWritable(command);
        if (state.federatedCredentials().stream()
                .noneMatch(rule -> rule.credential().credentialId().equals(command.credentialId()))) {
            throw new NotFound("unknown-federated-credential", "client " + clientId + " has no federated credential "
                    + command.credentialId());
        }
        apply(new FederatedCredentialRemoved(clientId, command.credentialId()));
        return state();
    }

    @CommandHandler
    ClientState handle(AssignRole command, RoleDirectory roleDirectory) {
        requireWritable(command);
        requireRoleExists(command.role(), roleDirectory);
        if (!state.roles().contains(command.role())) {
            apply(new RoleAssigned(clientId, command.role()));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(UnassignRole command) {
        requireWritable(command);
        if (state.roles().contains(command.role())) {
            apply(new RoleUnassigned(clientId, command.role()));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(DisableClient command) {
        requireWritable(command);
        if (state.status() == ClientStatus.ACTIVE) {
            apply(new ClientDisabled(clientId));
        }
        return state();
    }

    @CommandHandler
    ClientState handle(EnableClient command) {
        requireWritable(command);
        if (state.status() == ClientStatus.DISABLED) {
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
        return state;
    }

    private void requireWritable(VersionedCommand command) {
        if (state.status() == ClientStatus.DELETED) {
            throw new Conflict("client-deleted", "client " + clientId + " is deleted and accepts no change");
        }
        StaleVersion.check(command, state.version());
    }

    private void requireSecondary(SecretId secretId, String verb) {
        if (state.primary().secret().secretId().equals(secretId)) {
            throw new Conflict("primary-secret", "secret " + secretId + " is the primary: only the secondary can be "
                    + verb + (verb.equals("deleted") ? " (rotate first)" : ""));
        }
        if (state.secondary() == null || !state.secondary().secret().secretId().equals(secretId)) {
            throw new NotFound("unknown-secret", "client " + clientId + " has no secret " + secretId);
        }
    }

    /** "Now" is Axon's clock: the one that stamps this command's events, and the one a test fixture sets. */
    private static void requireUnusedLately(String reason, String credential, Optional<Instant> lastUsed,
                                            SecretUsage usage) {
        Instant now = GenericEventMessage.clock.instant();
        if (lastUsed.isPresent() && lastUsed.get().isAfter(now.minus(usage.deleteGuard()))) {
            throw new Conflict(reason, credential + " authenticated at " + lastUsed.get()
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

    /** Every change of state is the shared fold's: the aggregate only decides which event to apply. */
    @EventSourcingHandler
    void on(ClientEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        state = ClientFold.apply(state, event, sequence, at);
        clientId = state.clientId();
    }
}
