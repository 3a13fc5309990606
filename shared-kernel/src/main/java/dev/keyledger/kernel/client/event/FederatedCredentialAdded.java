package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.serialization.Revision;

/** The client trusts a workload identity from now on. */
@Revision("1")
public record FederatedCredentialAdded(ClientId clientId, FederatedCredential credential) implements ClientEvent {
}
