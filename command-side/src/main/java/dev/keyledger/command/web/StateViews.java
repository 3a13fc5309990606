package dev.keyledger.command.web;

import dev.keyledger.command.client.ClientState;
import dev.keyledger.command.client.SecretEntry;
import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.role.RoleState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.role.view.RoleView;
import org.springframework.stereotype.Component;

/** Renders aggregate state as the API's representations, leaving every hash behind. */
@Component
class StateViews {

    private final RoleDirectory roleDirectory;

    StateViews(RoleDirectory roleDirectory) {
        this.roleDirectory = roleDirectory;
    }

    ClientView client(ClientState state) {
        return new ClientView(state.clientId(), state.name(), state.description(), state.status(), state.roles(),
                roleDirectory.permissionsOf(state.roles()), state.accessTokenTtlSeconds(), state.allowedAudiences(),
                state.secrets().stream().map(StateViews::secret).toList(), state.version(), state.createdAt(),
                state.updatedAt());
    }

    static SecretView secret(SecretEntry entry) {
        // lastUsedAt comes from the token issuance log, which the token endpoint keeps.
        return new SecretView(entry.secret().secretId(), entry.slot(), entry.secret().hint(), entry.createdAt(),
                entry.secret().expiresAt(), null);
    }

    static RoleView role(RoleState state) {
        return new RoleView(state.name(), state.description(), state.permissions(), state.version(),
                state.createdAt(), state.updatedAt());
    }
}
