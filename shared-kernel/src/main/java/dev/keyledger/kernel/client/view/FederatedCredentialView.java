package dev.keyledger.kernel.client.view;

import dev.keyledger.kernel.id.FederatedCredentialId;

import java.time.Instant;
import java.util.List;

/** One federated credential as an operator sees it (API.md §2 "Client keys and federated credentials"). */
public record FederatedCredentialView(
        FederatedCredentialId credentialId,
        String issuer,
        String subject,
        List<String> audiences,
        Instant createdAt,
        Instant lastUsedAt) {
}
