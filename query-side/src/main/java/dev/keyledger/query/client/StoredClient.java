package dev.keyledger.query.client;

import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.permission.Permission;

import java.util.SortedSet;

/** A client as the client view holds it: its state and its effective permissions at the time of the last update. */
public record StoredClient(ClientState state, SortedSet<Permission> permissions) {
}
