package dev.keyledger.query.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The source of each of the query side's pooled processors (the views', the Kafka publisher's): the event store read
 * through {@link StreamingReads}, prompted by appends ({@link PromptEventSource}), with the same settings for all.
 */
@Component
public class ProcessorSources {

    private final ConnectionProvider connections;
    private final EventSchema schema;
    private final PersistenceExceptionResolver exceptions;
    private final AppendNotifications appends;
    private final int readBatchSize;
    private final Duration pollInterval;
    private final Duration promptSpacing;

    ProcessorSources(ConnectionProvider connections, EventSchema schema,
                     PersistenceExceptionResolver exceptions, AppendNotifications appends,
                     @Value("${keyledger.query.read-batch-size:1000}") int readBatchSize,
                     @Value("${keyledger.query.poll-interval:PT0.5S}") Duration pollInterval,
                     @Value("${keyledger.query.prompt-spacing:PT0.02S}") Duration promptSpacing) {
        this.connections = connections;
        this.schema = schema;
        this.exceptions = exceptions;
        this.appends = appends;
        this.readBatchSize = readBatchSize;
        this.pollInterval = pollInterval;
        this.promptSpacing = promptSpacing;
    }

    /** A source of its own for one processor of {@code config}. */
    public PromptEventSource forProcessor(Configuration config) {
        return PromptEventSource.of(config,
                StreamingReads.engine(config, connections, schema, exceptions, readBatchSize),
                appends, pollInterval, promptSpacing);
    }

    /** The store as {@link #forProcessor} reads it, a page of its read batch size at a time, without the tailing. */
    public EventPages pages(Configuration config) {
        return new EventPages(StreamingReads.engine(config, connections, schema, exceptions, readBatchSize),
                readBatchSize);
    }
}
