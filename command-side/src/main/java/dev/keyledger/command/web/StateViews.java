package dev.keyledger.command.web;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.id.SecretId;
import org.springframework.stereotype.Component;

import java.time.Instant;
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
        Map<SecretId, Instant> lastUsed = secretUsage.lastUsedAt(
                state.secrets().stream().map(entry -> entry.secret().secretId()).toList());
        return new ClientView(state.clientId(), state.name(), state.description(), state.status(), state.roles(),
                roleDirectory.permissionsOf(state.roles()), state.accessTokenTtlSeconds(), state.allowedAudiences(),
                state.secrets().stream().map(entry -> secret(entry, lastUsed.get(entry.secret().secretId()))).toList(),
                state.version(), state.createdAt(), state.updatedAt());
    }

    private static SecretView secret(SecretState entry, Instant lastUsedAt) {
        return new SecretView(entry.secret().secretId(), entry.slot(), entry.secret().hint(), entry.createdAt(),
                entry.secret().expiresAt(), lastUsedAt);
    }

}
