package dev.keyledger.query.processing;

import dev.keyledger.infrastructure.priority.BackgroundThreads;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The threads the query side keeps its views, its chain and its Kafka topic on: platform threads below the token
 * endpoint's priority ({@code keyledger.query.lower-priority}, docs/DECISIONS.md 134), so that when a node serves both,
 * the signing turns come first and a write storm's projections lag instead of the tokens.
 */
@Component
public class ProcessorThreads {

    /** Axon's own count of a pooled processor's work package threads. */
    private static final int WORK_PACKAGE_THREADS = 4;

    private final boolean lowerPriority;

    ProcessorThreads(@Value("${keyledger.query.lower-priority:true}") boolean lowerPriority) {
        this.lowerPriority = lowerPriority;
    }

    /** Threads named {@code name-1}, {@code name-2}, ... */
    public ThreadFactory named(String name) {
        return new BackgroundThreads(name, lowerPriority);
    }

    /**
     * A pooled processor's coordinator and work packages on these threads, named as Axon names its own, and shut down
     * with Axon as Axon shuts down its own.
     */
    public PooledStreamingEventProcessor.Builder runOn(Configuration config, PooledStreamingEventProcessor.Builder builder) {
        return builder
                .coordinatorExecutor(processor -> executor(config, 1, "Coordinator[" + processor + "]"))
                .workerExecutor(processor -> executor(config, WORK_PACKAGE_THREADS, "WorkPackage[" + processor + "]"));
    }

    private ScheduledExecutorService executor(Configuration config, int threads, String name) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(threads, named(name));
        config.onShutdown(executor::shutdown);
        return executor;
    }
}
