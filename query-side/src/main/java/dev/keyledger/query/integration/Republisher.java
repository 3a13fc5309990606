package dev.keyledger.query.integration;

import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEvent;
import dev.keyledger.query.eventstore.StoredEvents;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Publishes the store's history again, from a global position up to the head at the time of asking, for a new
 * consumer. It reads the store by pages and writes the same CloudEvents (same ids) as the live publisher, beside
 * it: the live processor's token is not touched, so live events keep flowing while history is sent. The job runs on
 * the node that was asked; its state is shared by every node through {@link RepublishJobs}.
 *
 * <p>One page is read and sent while the broker acknowledges the one before, so the reading, the mapping and the
 * broker's work overlap; the job counts a page as published once all of it is acknowledged, and completes only when
 * every page is.
 */
public class Republisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Republisher.class);
    private static final int PAGE = 2_000;

    private final EventTopic topic;
    private final StoredEvents events;
    private final EventStore store;
    private final RepublishJobs jobs;
    private Thread worker;

    Republisher(EventTopic topic, StoredEvents events, EventStore store, RepublishJobs jobs) {
        this.topic = topic;
        this.events = events;
        this.store = store;
        this.jobs = jobs;
    }

    /** Starts a job in the background and answers at once with its status. */
    public synchronized RepublishStatus start(long fromPosition) {
        TrackingToken head = store.createHeadToken();
        long upTo = head == null ? -1 : head.position().orElse(-1);
        RepublishStatus started = jobs.start(fromPosition, upTo);
        LOG.info("republishing events {} to {} to Kafka topic {}", fromPosition, upTo, topic.name());
        // A platform thread: the code is compiled for Java 17, which has no virtual threads.
        worker = new Thread(() -> run(started), "kafka-republish");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** The running job, or the last one, whichever node runs or ran it; empty if none ever ran. */
    public Optional<RepublishStatus> status() {
        return jobs.latest();
    }

    private void run(RepublishStatus job) {
        long published = 0;
        Acknowledgements inFlight = new Acknowledgements(topic);
        try {
            topic.ensureExists();
            long after = job.fromPosition() - 1;
            while (after < job.upToPosition() && !Thread.currentThread().isInterrupted()) {
                List<StoredEvent> page = events.list(new EventCriteria(List.of(), List.of(), null, null, after, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).globalPosition();
                Acknowledgements sent = send(page.stream()
                        .filter(event -> event.globalPosition() <= job.upToPosition()).toList(), inFlight);
                published += acknowledged(inFlight);
                jobs.progressed(job.jobId(), published);
                inFlight = sent;
            }
            published += acknowledged(inFlight);
            if (Thread.currentThread().isInterrupted()) {
                throw new KafkaUnavailable("stopped with the service");
            }
            jobs.finished(job.jobId(), published, null);
            LOG.info("republished {} events to Kafka topic {}", published, topic.name());
        } catch (RuntimeException e) {
            jobs.finished(job.jobId(), published, e.getMessage());
            LOG.warn("republishing to Kafka topic {} failed after {} events: {}", topic.name(), published,
                    e.getMessage());
        }
    }

    /**
     * Hands a page to the producer without waiting for the broker; stops at once when a send of this page or of
     * the previous one has already failed.
     */
    private Acknowledgements send(List<StoredEvent> page, Acknowledgements previous) {
        Acknowledgements sends = new Acknowledgements(topic);
        for (StoredEvent stored : page) {
            CloudEventMapper.of(AuditEntries.withoutMetadata(stored.message(), stored.globalPosition()))
                    .ifPresent(event -> {
                        previous.failFast();
                        sends.send(event);
                    });
        }
        return sends;
    }

    /** Waits for the broker's acknowledgements of a page; answers how many events they were. */
    private static int acknowledged(Acknowledgements sends) {
        sends.await();
        return sends.count();
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
