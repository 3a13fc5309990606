package dev.keyledger.command.config;

import dev.keyledger.kernel.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.Map;

/**
 * Every event inherits the actor, correlation id and source address of the command that caused it. Only a command's
 * metadata is read: Axon asks the providers about every message a unit of work creates, including the result of each
 * event a processor handles, and an event's metadata is stored JSON that the question alone would deserialize
 * (docs/DECISIONS.md 136). Every command carries these keys itself ({@code CommandDispatcher}), and no event handler
 * sends one, so nothing ever inherited them from an event.
 */
final class CommandAuditMetadata implements CorrelationDataProvider {

    private final CorrelationDataProvider keys = new SimpleCorrelationDataProvider(AuditMetadata.ACTOR,
            AuditMetadata.CORRELATION_ID, AuditMetadata.SOURCE_ADDRESS);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof CommandMessage<?> ? keys.correlationDataFor(message) : Map.of();
    }
}
