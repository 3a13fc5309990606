package dev.keyledger.command.lookup;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The non-deleted clients that hold a role. */
@Component
public class RoleHolders {

    private final JdbcClient jdbc;

    RoleHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ClientId> of(RoleName role) {
        return jdbc.sql("SELECT client_id FROM command_client_role_lookup WHERE role_name = ? ORDER BY client_id")
                .param(role.value())
                .query(String.class)
                .list()
                .stream()
                .map(ClientId::new)
                .toList();
    }
}
