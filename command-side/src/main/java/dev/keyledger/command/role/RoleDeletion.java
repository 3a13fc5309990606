package dev.keyledger.command.role;

import dev.keyledger.command.lookup.RoleHolders;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.client.command.UnassignRole;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.command.DeleteRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a role and takes it from every client that holds it, in one transaction: either the role is gone and no
 * client holds it any more, or nothing happened. Each unassignment is an event in that client's history, with
 * actor {@code system} and the deletion's correlation id.
 */
@Component
public class RoleDeletion {

    private final CommandDispatcher dispatcher;
    private final RoleHolders holders;
    private final TransactionTemplate transaction;

    RoleDeletion(CommandDispatcher dispatcher, RoleHolders holders, TransactionTemplate transaction) {
        this.dispatcher = dispatcher;
        this.holders = holders;
        this.transaction = transaction;
    }

    public void delete(RoleName role, Long expectedVersion, AuditContext request) {
        AuditContext bySystem = new AuditContext(AuditMetadata.SYSTEM_ACTOR, request.correlationId(),
                request.sourceAddress());
        transaction.executeWithoutResult(status -> {
            dispatcher.send(new DeleteRole(role, expectedVersion), request);
            // The role's lookup row is gone now and stays locked until commit, so no assignment can slip in.
            for (ClientId holder : holders.of(role)) {
                dispatcher.send(new UnassignRole(holder, role, null), bySystem);
            }
        });
    }
}
