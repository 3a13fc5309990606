package dev.keyledger.command.client;

import dev.keyledger.command.dispatch.Results;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads a client's current state from its events. Needed after registration only: a creating command handler
 * answers with the aggregate id, not with the state its events produce.
 */
@Component
public class ClientStateReader {

    private final Repository<Client> repository;

    ClientStateReader(@Qualifier("clientRepository") Repository<Client> repository) {
        this.repository = repository;
    }

    public ClientState read(ClientId clientId) {
        return Results.payloadOf(DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> repository.load(clientId.value()).invoke(Client::state)));
    }
}
