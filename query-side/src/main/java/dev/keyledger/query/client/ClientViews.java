package dev.keyledger.query.client;

import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.permission.Permission;
import org.springframework.stereotype.Component;

import java.util.SortedSet;

/** Renders a client state as the API's representation: secrets by id, slot and hint, never by hash. */
@Component
public class ClientViews {

    private final SecretUsage secretUsage;

    ClientViews(SecretUsage secretUsage) {
        this.secretUsage = secretUsage;
    }

    public ClientView render(ClientState client, SortedSet<Permission> permissions) {
        return new ClientView(client.clientId(), client.name(), client.description(), client.status(),
                client.roles(), permissions, client.accessTokenTtlSeconds(), client.allowedAudiences(),
                client.secrets().stream().map(secret -> secret(client, secret)).toList(), client.version(),
                client.createdAt(), client.updatedAt());
    }

    public ClientView render(StoredClient stored) {
        return render(stored.state(), stored.permissions());
    }

    private SecretView secret(ClientState client, SecretState secret) {
        return new SecretView(secret.secret().secretId(), secret.slot(), secret.secret().hint(), secret.createdAt(),
                secret.secret().expiresAt(),
                secretUsage.lastUsedAt(client.clientId(), secret.secret().secretId()).orElse(null));
    }
}
