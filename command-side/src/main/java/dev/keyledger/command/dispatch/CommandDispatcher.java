package dev.keyledger.command.dispatch;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command with the request's audit metadata and waits for its result; counts and times it. */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final CommandMetrics metrics;

    CommandDispatcher(CommandGateway gateway, CommandMetrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    public <R> R send(Object command, AuditContext request) {
        long started = System.nanoTime();
        try {
            R result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData()));
            metrics.record(command.getClass(), CommandOutcome.ACCEPTED, System.nanoTime() - started);
            return result;
        } catch (RuntimeException e) {
            metrics.record(command.getClass(), CommandOutcome.of(e), System.nanoTime() - started);
            throw e;
        }
    }
}
