package dev.keyledger.query.monitoring;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures, every second by default, how far this node's streaming processors and the hash chain are behind the
 * event store, so that a scrape or a probe reads memory and never waits for the database. Each processor's lag is
 * taken over the segments this node holds, counted in events after the oldest of their positions; the nodes together
 * cover every segment; beyond 100,000 events behind, the figure is 100,000. If the database cannot be read, the last
 * measurement stays (the {@code db} health says why).
 */
@Component
public class EventLag {

    private static final long COUNT_CAP = 100_000;

    private final Configuration axon;
    private final JdbcClient jdbc;
    private volatile LagSnapshot snapshot = LagSnapshot.NONE;

    EventLag(Configuration axon, JdbcClient jdbc) {
        this.axon = axon;
        this.jdbc = jdbc;
    }

    public LagSnapshot snapshot() {
        return snapshot;
    }

    /** The streaming processors of this node, by name. */
    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        axon.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    @Scheduled(fixedDelayString = "${keyledger.monitoring.lag-interval:PT1S}")
    public void measure() {
        try {
            Map<String, ProcessorLag> processors = new TreeMap<>();
            processors().forEach((name, processor) -> processors.put(name, lagOf(processor)));
            long chainHead = jdbc.sql("SELECT coalesce(max(global_index), -1) FROM audit_link")
                    .query(Long.class).single();
            snapshot = new LagSnapshot(Map.copyOf(processors), eventsAfter(chainHead), Instant.now());
        } catch (DataAccessException | DateTimeParseException e) {
            // Kept as it was: lag is a detail, and the database's own health reports the outage.
        }
    }

    private ProcessorLag lagOf(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return ProcessorLag.NONE;
        }
        long oldest = segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
        long events = eventsAfter(oldest);
        double seconds = events == 0 ? 0 : jdbc.sql("SELECT timestamp FROM domainevententry WHERE globalindex > ?"
                        + " ORDER BY globalindex LIMIT 1")
                .param(oldest).query(String.class).optional()
                .map(stamp -> Duration.between(Instant.parse(stamp), Instant.now()).toNanos() / 1e9)
                .orElse(0.0);
        return new ProcessorLag(segments.size(), events, Math.max(0, seconds));
    }

    /**
     * Exact up to {@link #COUNT_CAP}, and the cap beyond it: this runs every second on every node, and an uncapped
     * count would scan the whole store each time exactly while a processor replays or the chain catches up.
     */
    private long eventsAfter(long position) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM domainevententry WHERE globalindex > ? LIMIT ?) behind")
                .params(position, COUNT_CAP).query(Long.class).single();
    }
}
