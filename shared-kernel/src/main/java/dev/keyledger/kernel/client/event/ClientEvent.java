package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;

/**
 * Every event of the client aggregate names its client. The family is closed: the client's fold must know every
 * member, and a test checks that it does.
 */
public sealed interface ClientEvent permits ClientRegistered, ClientDetailsChanged, SecondarySecretAdded,
        SecondarySecretPromoted, ClientSecretRotated, SecondarySecretDeleted, RoleAssigned, RoleUnassigned,
        ClientDisabled, ClientEnabled, ClientDeleted, ClientKeyAdded, ClientKeyRemoved, FederatedCredentialAdded,
        FederatedCredentialRemoved {

    ClientId clientId();
}
