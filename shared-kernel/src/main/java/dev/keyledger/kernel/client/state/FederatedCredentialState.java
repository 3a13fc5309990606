package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.client.federation.FederatedCredential;

import java.time.Instant;

/** One federated credential of a client and since when it exists. */
public record FederatedCredentialState(FederatedCredential credential, Instant createdAt) {
}
