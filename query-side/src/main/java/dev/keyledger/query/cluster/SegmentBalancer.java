package dev.keyledger.query.cluster;

import dev.keyledger.query.config.QueryNode;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shares each projection's segments fairly among the live query-side nodes. Without Axon Server nothing does: the
 * first node to start claims every segment and the others idle. Each node says it is alive in {@code query_node};
 * its processors may hold at most {@code ceil(segments / live nodes)} segments, and Axon's coordinator releases
 * any above that, for another node to claim. A node that stops does so first of all, before its web server drains:
 * it leaves the table, then shuts its streaming processors down, which release their claims, and the others, whose
 * share has grown, claim them on their next round (the views are shared tables, so requests still in flight here
 * read what the other nodes write). A node that dies drops out of the table when its heartbeat is older than the
 * liveness window, and its claims lapse after Axon's claim timeout.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Each processor finishes the batch in hand and stores its tokens; beyond this Axon's own shutdown goes on. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final QueryNode node;
    private final Duration liveness;
    /** Lazily: the processors are configured with {@link #limitFor}, so they cannot be this bean's dependency. */
    private final ObjectProvider<Configuration> axon;
    private volatile boolean running;

    SegmentBalancer(JdbcClient jdbc, QueryNode node,
                    @Value("${keyledger.query.node-liveness:PT10S}") Duration liveness,
                    ObjectProvider<Configuration> axon) {
        this.jdbc = jdbc;
        this.node = node;
        this.liveness = liveness;
        this.axon = axon;
    }

    /**
     * At most this many segments of the processor may run on this node: Axon's {@code MaxSegmentProvider}, asked
     * on every coordination round. Before the processor's tokens exist, no limit. The live nodes are counted in the
     * same statement, so a node that left is out of the count at the next round, not the next heartbeat.
     */
    public int limitFor(String processor) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM tokenentry WHERE processorname = :processor) AS segments,
                               (SELECT count(*) FROM query_node
                                 WHERE seen_at > now() - make_interval(secs => :liveness)) AS nodes""")
                .param("processor", processor)
                .param("liveness", (double) liveness.toMillis() / 1000)
                .query((row, number) -> {
                    int total = row.getInt("segments");
                    int live = Math.max(1, row.getInt("nodes"));
                    return total == 0 ? Short.MAX_VALUE : Math.max(1, (total + live - 1) / live);
                })
                .single();
    }

    @Scheduled(fixedDelayString = "${keyledger.query.heartbeat-interval:PT1S}")
    synchronized void heartbeat() {
        if (!running) {
            // Not yet started, or leaving: a heartbeat now would count this node in again.
            return;
        }
        jdbc.sql("""
                        INSERT INTO query_node (node_id, seen_at) VALUES (?, now())
                        ON CONFLICT (node_id) DO UPDATE SET seen_at = now()""")
                .param(node.id())
                .update();
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    /** A node that stops in good order gives its segments back at once: the first thing it does when it stops. */
    @Override
    public synchronized void stop() {
        running = false;
        jdbc.sql("DELETE FROM query_node WHERE node_id = ?").param(node.id()).update();
        releaseSegments();
    }

    private void releaseSegments() {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return;
        }
        CompletableFuture<?>[] stopped = configuration.eventProcessingConfiguration().eventProcessors().values()
                .stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> processor.shutdownAsync())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stopped).get(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("processors not stopped within {} when leaving; Axon's shutdown goes on: {}", RELEASE_WAIT,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Above the web server's graceful shutdown and Axon's processors: stopped before either. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
