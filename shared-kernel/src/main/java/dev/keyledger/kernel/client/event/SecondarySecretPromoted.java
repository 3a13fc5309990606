package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.SecretId;
import org.axonframework.serialization.Revision;

/** The secondary secret became primary; the former primary became secondary and still authenticates. */
@Revision("1")
public record SecondarySecretPromoted(ClientId clientId, SecretId promotedSecretId, SecretId demotedSecretId)
        implements ClientEvent {
}
