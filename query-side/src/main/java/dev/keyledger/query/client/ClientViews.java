package dev.keyledger.query.client;

import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.id.Permission;
import org.springframework.stereotype.Component;

import java.util.SortedSet;

/** Renders a client snapshot as the API's representation: secrets by id, slot and hint, never by hash. */
@Component
public class ClientViews {

    private final SecretUsage secretUsage;

    ClientViews(SecretUsage secretUsage) {
        this.secretUsage = secretUsage;
    }

    public ClientView render(ClientSnapshot client, SortedSet<Permission> permissions) {
        return new ClientView(client.clientId(), client.name(), client.description(), client.status(),
                client.roles(), permissions, client.accessTokenTtlSeconds(), client.allowedAudiences(),
                client.secrets().stream().map(secret -> secret(client, secret)).toList(), client.version(),
                client.createdAt(), client.updatedAt());
    }

    public ClientView render(StoredClient stored) {
        return render(stored.snapshot(), stored.permissions());
    }

    private SecretView secret(ClientSnapshot client, SecretState secret) {
        return new SecretView(secret.secret().secretId(), secret.slot(), secret.secret().hint(), secret.createdAt(),
                secret.secret().expiresAt(),
                secretUsage.lastUsedAt(client.clientId(), secret.secret().secretId()).orElse(null));
    }
}
