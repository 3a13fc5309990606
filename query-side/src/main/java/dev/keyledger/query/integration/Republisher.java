package dev.keyledger.query.integration;

import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEvent;
import dev.keyledger.query.eventstore.StoredEvents;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the store's history again, from a global position up to the head at the time of asking, for a new
 * consumer. It reads the store by pages and writes the same CloudEvents (same ids) as the live publisher, beside
 * it: the live processor's token is not touched, so live events keep flowing while history is sent.
 */
public class Republisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Republisher.class);
    private static final int PAGE = 500;

    private final EventTopic topic;
    private final StoredEvents events;
    private final EventStore store;
    private volatile RepublishStatus last;
    private Thread worker;

    Republisher(EventTopic topic, StoredEvents events, EventStore store) {
        this.topic = topic;
        this.events = events;
        this.store = store;
    }

    /** Starts a job in the background and answers at once with its status. */
    public synchronized RepublishStatus start(long fromPosition) {
        RepublishStatus current = last;
        if (current != null && current.state() == RepublishStatus.State.RUNNING) {
            throw new RepublishRunning(current);
        }
        TrackingToken head = store.createHeadToken();
        long upTo = head == null ? -1 : head.position().orElse(-1);
        RepublishStatus started = RepublishStatus.started(fromPosition, upTo);
        last = started;
        LOG.info("republishing events {} to {} to Kafka topic {}", fromPosition, upTo, topic.name());
        // A platform thread: the code is compiled for Java 17, which has no virtual threads.
        worker = new Thread(() -> run(started), "kafka-republish");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** The running job, or the last one; empty if none ran since this node started. */
    public Optional<RepublishStatus> status() {
        return Optional.ofNullable(last);
    }

    private void run(RepublishStatus job) {
        try {
            topic.ensureExists();
            long after = job.fromPosition() - 1;
            while (after < job.upToPosition() && !Thread.currentThread().isInterrupted()) {
                List<StoredEvent> page = events.list(new EventCriteria(List.of(), List.of(), null, null, after, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).globalPosition();
                publish(page.stream().filter(event -> event.globalPosition() <= job.upToPosition()).toList());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new KafkaUnavailable("stopped with the service");
            }
            last = last.completed();
            LOG.info("republished {} events to Kafka topic {}", last.published(), topic.name());
        } catch (RuntimeException e) {
            last = last.failed(e.getMessage());
            LOG.warn("republishing to Kafka topic {} failed after {} events: {}", topic.name(), last.published(),
                    e.getMessage());
        }
    }

    private void publish(List<StoredEvent> page) {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>();
        for (StoredEvent stored : page) {
            CloudEventMapper.of(AuditEntries.of(stored)).ifPresent(event -> {
                topic.failFast(sends);
                sends.add(topic.send(event));
            });
        }
        topic.awaitAll(sends);
        last = last.progressed(sends.size());
    }

    /** Stops a running job with the service: an operator asks again after the restart. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (worker != null) {
            worker.interrupt();
            worker.join(5_000);
        }
    }
}
