package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.serialization.Revision;

/** The secondary secret was deleted and no longer authenticates. */
@Revision("1")
public record SecondarySecretDeleted(ClientId clientId, SecretId secretId) implements ClientEvent {
}
