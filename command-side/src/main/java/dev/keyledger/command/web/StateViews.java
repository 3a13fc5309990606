package dev.keyledger.command.web;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.state.ClientKeyState;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.FederatedCredentialState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientKeyView;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.FederatedCredentialView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders aggregate state as the API's representations, leaving every hash behind. */
@Component
class StateViews {

    private final RoleDirectory roleDirectory;
    private final SecretUsage secretUsage;

    StateViews(RoleDirectory roleDirectory, SecretUsage secretUsage) {
        this.roleDirectory = roleDirectory;
        this.secretUsage = secretUsage;
    }

    ClientView client(ClientState state) {
        return client(state, secretUsage.lastUsedAt(
                state.secrets().stream().map(entry -> entry.secret().secretId()).toList()));
    }

    /** A client just registered: its only secret was generated a moment ago, so no use of it is asked for. */
    ClientView newClient(ClientState state) {
        return client(state, Map.of());
    }

    private ClientView client(ClientState state, Map<SecretId, Instant> lastUsed) {
        return new ClientView(state.clientId(), state.name(), state.description(), state.status(), state.roles(),
                roleDirectory.permissionsOf(state.roles()), state.accessTokenTtlSeconds(), state.allowedAudiences(),
                state.secrets().stream().map(entry -> secret(entry, lastUsed.get(entry.secret().secretId()))).toList(),
                keys(state), federated(state),
                state.version(), state.createdAt(), state.updatedAt());
    }

    List<ClientKeyView> keys(ClientState state) {
        Map<ClientKeyId, Instant> lastUsed = secretUsage.keysLastUsedAt(
                state.keys().stream().map(entry -> entry.key().keyId()).toList());
        return state.keys().stream().map(entry -> key(entry, lastUsed.get(entry.key().keyId()))).toList();
    }

    List<FederatedCredentialView> federated(ClientState state) {
        Map<FederatedCredentialId, Instant> lastUsed = secretUsage.federatedLastUsedAt(
                state.federatedCredentials().stream().map(entry -> entry.credential().credentialId()).toList());
        return state.federatedCredentials().stream()
                .map(entry -> federated(entry, lastUsed.get(entry.credential().credentialId())))
                .toList();
    }

    private static FederatedCredentialView federated(FederatedCredentialState entry, Instant lastUsedAt) {
        FederatedCredential rule = entry.credential();
        return new FederatedCredentialView(rule.credentialId(), rule.issuer(), rule.subject(), rule.audiences(),
                entry.createdAt(), lastUsedAt);
    }

    static ClientKeyView key(ClientKeyState entry, Instant lastUsedAt) {
        return new ClientKeyView(entry.key().keyId(), entry.key().kid(), entry.key().kty(), entry.key().alg(),
                entry.createdAt(), entry.key().expiresAt(), lastUsedAt);
    }

    private static SecretView secret(SecretState entry, Instant lastUsedAt) {
        return new SecretView(entry.secret().secretId(), entry.slot(), entry.secret().hint(), entry.createdAt(),
                entry.secret().expiresAt(), lastUsedAt);
    }

}
