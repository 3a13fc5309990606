package dev.keyledger.kernel.client.event;

import dev.keyledger.kernel.id.ClientId;

/** Every event of the client aggregate names its client. */
public interface ClientEvent {

    ClientId clientId();
}
