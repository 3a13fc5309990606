package dev.keyledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
            R result = sendAgainOnConflict(command, request);
            metrics.record(command.getClass(), CommandOutcome.ACCEPTED, System.nanoTime() - started);
            return result;
        } catch (RuntimeException e) {
            metrics.record(command.getClass(), CommandOutcome.of(e), System.nanoTime() - started);
            throw e;
        }
    }

    /**
     * A command that lost a race with another command node fails on the stream's unique key: decided once more on the
     * events it now finds, it is refused or applied on what is stored (docs/DECISIONS.md 116). Inside a wider
     * transaction the failed statement has aborted it, so there the conflict is the caller's to answer.
     */
    private <R> R sendAgainOnConflict(Object command, AuditContext request) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData());
        try {
            return gateway.sendAndWait(message);
        } catch (ConcurrencyException conflict) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw conflict;
            }
            return gateway.sendAndWait(message);
        }
    }
}
