package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import org.axonframework.serialization.Revision;

/** The client no longer trusts that workload identity. */
@Revision("1")
public record FederatedCredentialRemoved(ClientId clientId, FederatedCredentialId credentialId)
        implements ClientEvent {
}
