package dev.keyledger.query.client;

import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.state.ClientKeyState;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.FederatedCredentialState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientKeyView;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.FederatedCredentialView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.permission.Permission;
import org.springframework.stereotype.Component;

import java.util.SortedSet;

/** Renders a client state as the API's representation: secrets by id, slot and hint, never by hash;
 * keys by id, kid and algorithm. */
@Component
public class ClientViews {

    private final SecretUsage secretUsage;

    ClientViews(SecretUsage secretUsage) {
        this.secretUsage = secretUsage;
    }

    public ClientView render(ClientState client, SortedSet<Permission> permissions) {
        return new ClientView(client.clientId(), client.name(), client.description(), client.status(),
                client.roles(), permissions, client.accessTokenTtlSeconds(), client.allowedAudiences(),
                client.secrets().stream().map(secret -> secret(client, secret)).toList(),
                client.keys().stream().map(key -> key(client, key)).toList(),
                client.federatedCredentials().stream().map(rule -> federated(client, rule)).toList(), client.version(),
                client.createdAt(), client.updatedAt());
    }

    public ClientView render(StoredClient stored) {
        return render(stored.state(), stored.permissions());
    }

    private ClientKeyView key(ClientState client, ClientKeyState key) {
        return new ClientKeyView(key.key().keyId(), key.key().kid(), key.key().kty(), key.key().alg(),
                key.createdAt(), key.key().expiresAt(),
                secretUsage.lastUsedAt(client.clientId(), key.key().keyId()).orElse(null));
    }

    private FederatedCredentialView federated(ClientState client, FederatedCredentialState state) {
        FederatedCredential rule = state.credential();
        return new FederatedCredentialView(rule.credentialId(), rule.issuer(), rule.subject(), rule.audiences(),
                state.createdAt(), secretUsage.lastUsedAt(client.clientId(), rule.credentialId()).orElse(null));
    }

    private SecretView secret(ClientState client, SecretState secret) {
        return new SecretView(secret.secret().secretId(), secret.slot(), secret.secret().hint(), secret.createdAt(),
                secret.secret().expiresAt(),
                secretUsage.lastUsedAt(client.clientId(), secret.secret().secretId()).orElse(null));
    }
}
