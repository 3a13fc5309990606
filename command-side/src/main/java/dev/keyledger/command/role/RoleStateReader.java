package dev.keyledger.command.role;

import dev.keyledger.command.dispatch.Results;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.view.RoleView;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Reads a role's current state from its events, for the answer to its creation. */
@Component
public class RoleStateReader {

    private final Repository<Role> repository;

    RoleStateReader(@Qualifier("roleRepository") Repository<Role> repository) {
        this.repository = repository;
    }

    public RoleView read(RoleName name) {
        return Results.payloadOf(DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> repository.load(RoleStream.idOf(name)).invoke(Role::state)));
    }
}
