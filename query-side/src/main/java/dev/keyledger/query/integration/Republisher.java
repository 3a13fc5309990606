package dev.keyledger.query.integration;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import dev.keyledger.query.audit.StoredAuditEntries;
import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEventRow;
import dev.keyledger.query.eventstore.StoredEvents;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the store's history again, from a global position up to the head at the time of asking, for a new
 * consumer. It reads the store by pages and writes the same CloudEvents (same ids) as the live publisher, beside
 * it: the live processor's token is not touched, so live events keep flowing while history is sent. The job runs on
 * the node that was asked; its state is shared by every node through {@link RepublishJobs}.
 *
 * <p>One page is read and sent while the broker acknowledges the one before, so the reading, the mapping and the
 * broker's work overlap; the job counts a page as published once all of it is acknowledged, and completes only when
 * every page is. Pages are read as stored rows and mapped without Axon's messages, as the audit export does
 * (docs/DECISIONS.md 117): the CloudEvents are the live publisher's, byte for byte.
 */
public class Republisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Republisher.class);
    private static final int PAGE = 2_000;

    private final EventTopic topic;
    private final StoredEvents events;
    private final StoredAuditEntries entries;
    private final EventStore store;
    private final RepublishJobs jobs;
    private Thread worker;

    Republisher(EventTopic topic, StoredEvents events, StoredAuditEntries entries, EventStore store,
                RepublishJobs jobs) {
        this.topic = topic;
        this.events = events;
        this.entries = entries;
        this.store = store;
        this.jobs = jobs;
    }

    /** Starts a job in the background and answers at once with its status. */
    public synchronized RepublishStatus start(long fromPosition) {
        TrackingToken head = store.createHeadToken();
        long upTo = head == null ? -1 : head.position().orElse(-1);
        RepublishStatus started = jobs.start(fromPosition, upTo);
        LOG.info("republishing events {} to {} to Kafka topic {}", fromPosition, upTo, topic.name());
        worker = DaemonThreads.named("kafka-republish").newThread(() -> run(started));
        worker.start();
        return started;
    }

    /** The running job, or the last one, whichever node runs or ran it; empty if none ever ran. */
    public Optional<RepublishStatus> status() {
        return jobs.latest();
    }

    private void run(RepublishStatus job) {
        AtomicLong published = new AtomicLong();
        try {
            try (EventTopic backlog = topic.forBacklog()) {
                publish(job, backlog, published);
            }
            jobs.finished(job.jobId(), published.get(), null);
            LOG.info("republished {} events to Kafka topic {}", published.get(), topic.name());
        } catch (RuntimeException e) {
            jobs.finished(job.jobId(), published.get(), e.getMessage());
            LOG.warn("republishing to Kafka topic {} failed after {} events: {}", topic.name(), published.get(),
                    e.getMessage());
        }
    }

    /** Sends the job's events page by page; {@code published} counts those acknowledged so far. */
    private void publish(RepublishStatus job, EventTopic backlog, AtomicLong published) {
        backlog.ensureExists();
        Acknowledgements inFlight = new Acknowledgements(backlog);
        long after = job.fromPosition() - 1;
        while (after < job.upToPosition() && !Thread.currentThread().isInterrupted()) {
            List<StoredEventRow> page =
                    events.listRows(new EventCriteria(List.of(), List.of(), null, null, after, PAGE));
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).globalIndex();
            Acknowledgements sent = send(backlog, page.stream()
                    .filter(row -> row.globalIndex() <= job.upToPosition()).toList(), inFlight);
            jobs.progressed(job.jobId(), published.addAndGet(acknowledged(inFlight)));
            inFlight = sent;
        }
        published.addAndGet(acknowledged(inFlight));
        if (Thread.currentThread().isInterrupted()) {
            throw new KafkaUnavailable("stopped with the service");
        }
    }

    /**
     * Hands a page to the producer without waiting for the broker; stops at once when a send of this page or of
     * the previous one has already failed.
     */
    private Acknowledgements send(EventTopic backlog, List<StoredEventRow> page, Acknowledgements previous) {
        Acknowledgements sends = new Acknowledgements(backlog);
        for (StoredEventRow row : page) {
            CloudEventMapper.of(entries.withoutMetadata(row))
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
