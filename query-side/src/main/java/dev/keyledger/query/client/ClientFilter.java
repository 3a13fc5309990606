package dev.keyledger.query.client;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.RoleName;

/**
 * The filters of the client list, each {@code null} when not given.
 *
 * @param nameContains matched case-insensitively anywhere in the name
 */
public record ClientFilter(ClientStatus status, RoleName role, String nameContains) {
}
