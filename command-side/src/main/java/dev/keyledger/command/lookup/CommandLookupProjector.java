package dev.keyledger.command.lookup;

import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.RoleUnassigned;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Keeps the command side's lookup tables. It runs in a subscribing processor, inside the transaction that appends
 * the events, so a lookup is never behind the event store. Every statement is idempotent.
 */
@Component
@ProcessingGroup(CommandLookupProjector.PROCESSING_GROUP)
public class CommandLookupProjector {

    public static final String PROCESSING_GROUP = "command-lookups";

    private final JdbcClient jdbc;

    CommandLookupProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoleCreated event) {
        jdbc.sql("""
                        INSERT INTO command_role_lookup (role_name, permissions) VALUES (?, ?)
                        ON CONFLICT (role_name) DO UPDATE SET permissions = EXCLUDED.permissions""")
                .params(event.name().value(), toArray(event.permissions()))
                .update();
    }

    @EventHandler
    void on(RolePermissionsReplaced event) {
        jdbc.sql("UPDATE command_role_lookup SET permissions = ? WHERE role_name = ?")
                .params(toArray(event.permissions()), event.name().value())
                .update();
    }

    @EventHandler
    void on(RoleDeleted event) {
        jdbc.sql("DELETE FROM command_role_lookup WHERE role_name = ?").param(event.name().value()).update();
    }

    @EventHandler
    void on(ClientRegistered event) {
        for (RoleName role : event.roles()) {
            hold(event.clientId().value(), role);
        }
    }

    @EventHandler
    void on(RoleAssigned event) {
        hold(event.clientId().value(), event.role());
    }

    @EventHandler
    void on(RoleUnassigned event) {
        jdbc.sql("DELETE FROM command_client_role_lookup WHERE role_name = ? AND client_id = ?")
                .params(event.role().value(), event.clientId().value())
                .update();
    }

    @EventHandler
    void on(ClientDeleted event) {
        // A deleted client accepts no change, so a later role deletion must not try to unassign it.
        jdbc.sql("DELETE FROM command_client_role_lookup WHERE client_id = ?")
                .param(event.clientId().value())
                .update();
    }

    private void hold(String clientId, RoleName role) {
        jdbc.sql("""
                        INSERT INTO command_client_role_lookup (role_name, client_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(role.value(), clientId)
                .update();
    }

    private static String[] toArray(Collection<Permission> permissions) {
        return permissions.stream().map(Permission::value).toArray(String[]::new);
    }
}
