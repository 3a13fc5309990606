package dev.keyledger.command.web;

import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.FederatedCredentialView;
import dev.keyledger.kernel.id.FederatedCredentialId;

import java.time.Instant;
import java.util.List;

/** The answer to trusting a workload identity (API.md §2): the rule and the client. */
record RegisteredFederatedCredential(
        FederatedCredentialId credentialId,
        String issuer,
        String subject,
        List<String> audiences,
        Instant createdAt,
        Instant lastUsedAt,
        ClientView client) {

    static RegisteredFederatedCredential of(FederatedCredentialView rule, ClientView client) {
        return new RegisteredFederatedCredential(rule.credentialId(), rule.issuer(), rule.subject(), rule.audiences(),
                rule.createdAt(), rule.lastUsedAt(), client);
    }
}
