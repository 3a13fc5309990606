package dev.keyledger.command.dispatch;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command with the request's audit metadata and waits for its result. */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;

    CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, AuditContext request) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData()));
    }
}
