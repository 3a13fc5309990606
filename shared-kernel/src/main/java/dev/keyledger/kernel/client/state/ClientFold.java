package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.client.ClientStatus;
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
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.secret.SecretSlot;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Folds a client's events into its {@link ClientState}: the one definition of "the state after these events",
 * used by the aggregate's event-sourcing handler, by the query side's projection (event by event) and by
 * {@code ?asOf=} (over the events up to an instant). The aggregate decides which event to apply; this only says
 * what the event does. Pure: no database, no clock, no framework.
 */
public final class ClientFold {

    private ClientFold() {
    }

    /**
     * The state after {@code event}. {@code current} is {@code null} before the registration.
     *
     * @throws IllegalStateException if the event cannot follow {@code current} (a stream out of order)
     */
    public static ClientState apply(ClientState current, ClientEvent event, long sequence, Instant at) {
        if (event instanceof ClientRegistered registered) {
            requireState(current == null, event, sequence);
            return registered(registered, sequence, at);
        }
        requireState(current != null && current.isBefore(sequence), event, sequence);
        if (event instanceof ClientDetailsChanged changed) {
            return detailsChanged(current, changed, sequence, at);
        }
        if (event instanceof SecondarySecretAdded added) {
            return secrets(current, current.primary(), new SecretState(added.secret(), SecretSlot.SECONDARY, at),
                    sequence, at);
        }
        if (event instanceof SecondarySecretPromoted) {
            return secrets(current, current.secondary().inSlot(SecretSlot.PRIMARY),
                    current.primary().inSlot(SecretSlot.SECONDARY), sequence, at);
        }
        if (event instanceof ClientSecretRotated rotated) {
            return secrets(current, new SecretState(rotated.newPrimary(), SecretSlot.PRIMARY, at),
                    current.primary().inSlot(SecretSlot.SECONDARY), sequence, at);
        }
        if (event instanceof SecondarySecretDeleted) {
            return secrets(current, current.primary(), null, sequence, at);
        }
        if (event instanceof ClientKeyAdded added) {
            List<ClientKeyState> keys = new ArrayList<>(current.keys());
            keys.add(new ClientKeyState(added.key(), at));
            return keys(current, keys, sequence, at);
        }
        if (event instanceof ClientKeyRemoved removed) {
            return keys(current, current.keys().stream()
                    .filter(key -> !key.key().keyId().equals(removed.keyId()))
                    .toList(), sequence, at);
        }
        if (event instanceof FederatedCredentialAdded added) {
            List<FederatedCredentialState> credentials = new ArrayList<>(current.federatedCredentials());
            credentials.add(new FederatedCredentialState(added.credential(), at));
            return federated(current, credentials, sequence, at);
        }
        if (event instanceof FederatedCredentialRemoved removed) {
            return federated(current, current.federatedCredentials().stream()
                    .filter(rule -> !rule.credential().credentialId().equals(removed.credentialId()))
                    .toList(), sequence, at);
        }
        if (event instanceof RoleAssigned assigned) {
            SortedSet<RoleName> roles = new TreeSet<>(current.roles());
            roles.add(assigned.role());
            return roles(current, roles, sequence, at);
        }
        if (event instanceof RoleUnassigned unassigned) {
            SortedSet<RoleName> roles = new TreeSet<>(current.roles());
            roles.remove(unassigned.role());
            return roles(current, roles, sequence, at);
        }
        if (event instanceof ClientDisabled) {
            return status(current, ClientStatus.DISABLED, sequence, at);
        }
        if (event instanceof ClientEnabled) {
            return status(current, ClientStatus.ACTIVE, sequence, at);
        }
        if (event instanceof ClientDeleted) {
            return status(current, ClientStatus.DELETED, sequence, at);
        }
        throw new IllegalArgumentException("no fold for client event " + event.getClass().getName());
    }

    private static ClientState registered(ClientRegistered event, long sequence, Instant at) {
        return new ClientState(event.clientId(), event.name(), event.description(), ClientStatus.ACTIVE,
                new TreeSet<>(event.roles()), event.accessTokenTtlSeconds(), event.allowedAudiences(),
                new SecretState(event.primarySecret(), SecretSlot.PRIMARY, at), null, List.of(), List.of(), sequence,
                at, at);
    }

    private static ClientState detailsChanged(ClientState c, ClientDetailsChanged event, long sequence,
                                                 Instant at) {
        // Only changed fields are present; an empty description means it was cleared.
        String description = event.description() == null
                ? c.description()
                : event.description().isEmpty() ? null : event.description();
        int ttl = Objects.requireNonNullElse(event.accessTokenTtlSeconds(), c.accessTokenTtlSeconds());
        List<URI> audiences = Objects.requireNonNullElse(event.allowedAudiences(), c.allowedAudiences());
        return new ClientState(c.clientId(), Objects.requireNonNullElse(event.name(), c.name()), description,
                c.status(), c.roles(), ttl, audiences, c.primary(), c.secondary(), c.keys(), c.federatedCredentials(),
                sequence, c.createdAt(), at);
    }

    private static ClientState secrets(ClientState c, SecretState primary, SecretState secondary,
                                          long sequence, Instant at) {
        return new ClientState(c.clientId(), c.name(), c.description(), c.status(), c.roles(),
                c.accessTokenTtlSeconds(), c.allowedAudiences(), primary, secondary, c.keys(), c.federatedCredentials(),
                sequence, c.createdAt(), at);
    }

    private static ClientState keys(ClientState c, List<ClientKeyState> keys, long sequence, Instant at) {
        return new ClientState(c.clientId(), c.name(), c.description(), c.status(), c.roles(),
                c.accessTokenTtlSeconds(), c.allowedAudiences(), c.primary(), c.secondary(), keys,
                c.federatedCredentials(), sequence, c.createdAt(), at);
    }

    private static ClientState federated(ClientState c, List<FederatedCredentialState> credentials, long sequence,
                                         Instant at) {
        return new ClientState(c.clientId(), c.name(), c.description(), c.status(), c.roles(),
                c.accessTokenTtlSeconds(), c.allowedAudiences(), c.primary(), c.secondary(), c.keys(), credentials,
                sequence, c.createdAt(), at);
    }

    private static ClientState roles(ClientState c, SortedSet<RoleName> roles, long sequence, Instant at) {
        return new ClientState(c.clientId(), c.name(), c.description(), c.status(), roles,
                c.accessTokenTtlSeconds(), c.allowedAudiences(), c.primary(), c.secondary(), c.keys(),
                c.federatedCredentials(), sequence, c.createdAt(), at);
    }

    private static ClientState status(ClientState c, ClientStatus status, long sequence, Instant at) {
        return new ClientState(c.clientId(), c.name(), c.description(), status, c.roles(),
                c.accessTokenTtlSeconds(), c.allowedAudiences(), c.primary(), c.secondary(), c.keys(),
                c.federatedCredentials(), sequence, c.createdAt(), at);
    }

    private static void requireState(boolean expected, ClientEvent event, long sequence) {
        if (!expected) {
            throw new IllegalStateException("client event " + event.getClass().getSimpleName() + " #" + sequence
                    + " of " + event.clientId() + " does not follow the state folded so far");
        }
    }
}
