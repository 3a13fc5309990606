package dev.keyledger.query.replay;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import dev.keyledger.query.client.ClientProjector;
import dev.keyledger.query.processing.ProcessorSources;
import dev.keyledger.query.processing.QueryViews;
import dev.keyledger.query.processing.ViewLock;
import dev.keyledger.query.role.RoleProjector;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a projection from the event store while the service keeps running: the processor stops, its tokens are
 * reset to the start of the store (its {@code @ResetHandler}s empty its views in the same transaction), a
 * {@link ViewsRebuild} carries the views up to the head of the store, and the processor starts again from where the
 * rebuild left its tokens, carrying on with live events. Reads answer from the partly rebuilt views meanwhile;
 * {@code ?minVersion=} reads wait for them. Should the rebuild fail, the processor finishes the replay itself from
 * the last page the rebuild stored.
 *
 * <p>Only the views' projection can be replayed. The hash chain is evidence about the store and is never rebuilt
 * from it. Every segment must be free to reset: with several nodes, the others must stop this processor first.
 */
@Component
public class ProjectionReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final List<String> REPLAYABLE = List.of(QueryViews.PROCESSING_GROUP);

    private final Configuration axon;
    private final ProcessorSources sources;
    private final ClientProjector clients;
    private final RoleProjector roles;
    private final ViewLock lock;
    private final TransactionTemplate transactions;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            DaemonThreads.named("keyledger-views-rebuild"));
    private volatile ViewsRebuild running;
    private volatile boolean closing;

    ProjectionReplay(Configuration axon, ProcessorSources sources, ClientProjector clients, RoleProjector roles,
                     ViewLock lock, PlatformTransactionManager transactions) {
        this.axon = axon;
        this.sources = sources;
        this.clients = clients;
        this.roles = roles;
        this.lock = lock;
        this.transactions = new TransactionTemplate(transactions);
    }

    public List<String> names() {
        return REPLAYABLE;
    }

    /** Empty for a projection that does not exist here. */
    public Optional<ProjectionStatus> status(String name) {
        return processor(name).map(processor -> status(name, processor));
    }

    /**
     * Starts the replay and answers at once; the status tells when it has caught up.
     *
     * @throws ReplayUnavailable when a replay is still running, the service is stopping, or the tokens cannot be
     *                           reset now (the processor is restarted as it was)
     */
    public synchronized Optional<ProjectionStatus> replay(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            if (running != null) {
                throw new ReplayUnavailable("projection " + name + " is being replayed already", null);
            }
            LOG.info("replaying projection {} from the start of the event store", name);
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                processor.start();
                throw new ReplayUnavailable("projection " + name + " cannot be reset now: " + e.getMessage()
                        + " (stop it on the other nodes first)", e);
            }
            ViewsRebuild rebuild;
            try {
                rebuild = rebuild(name);
            } catch (RuntimeException e) {
                LOG.error("projection {} cannot be rebuilt here; its processor replays it", name, e);
                processor.start();
                return;
            }
            running = rebuild;
            try {
                rebuilder.execute(() -> rebuildThenStart(name, rebuild, processor));
            } catch (RejectedExecutionException e) {
                running = null; // closing: the reset tokens make the processor replay at its next start
                throw new ReplayUnavailable("projection " + name + " cannot be replayed while the service stops", e);
            }
        });
        return found.map(processor -> status(name, processor));
    }

    private ViewsRebuild rebuild(String name) {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        return new ViewsRebuild(name, processing.tokenStore(name), processing.sequencingPolicy(name),
                sources.pages(axon), clients, roles, lock, transactions);
    }

    /** Until the processor runs again, the status is the rebuild's. */
    private void rebuildThenStart(String name, ViewsRebuild rebuild, StreamingEventProcessor processor) {
        try {
            rebuild.run();
            LOG.info("projection {} rebuilt up to the head of the event store; its processor carries on", name);
        } catch (RuntimeException e) {
            LOG.error("rebuilding projection {} stopped; its processor finishes the replay", name, e);
        } finally {
            if (!closing) {
                processor.start();
            }
            running = null;
        }
    }

    /** Stops a running rebuild where it is; its last page's tokens are where the processor starts next time. */
    @PreDestroy
    public void close() throws InterruptedException {
        closing = true;
        rebuilder.shutdownNow();
        rebuilder.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        if (!REPLAYABLE.contains(name)) {
            return Optional.empty();
        }
        return axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor) {
        ViewsRebuild rebuild = running;
        if (rebuild != null) {
            Long position = rebuild.position().isPresent() ? rebuild.position().getAsLong() : null;
            return new ProjectionStatus(name, true, true, Arrays.stream(rebuild.segmentIds())
                    .mapToObj(segment -> new ProjectionStatus.SegmentStatus(segment, position, true, false))
                    .toList());
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<ProjectionStatus.SegmentStatus> claimed = segments.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new ProjectionStatus.SegmentStatus(entry.getKey(),
                        entry.getValue().getCurrentPosition().isPresent()
                                ? entry.getValue().getCurrentPosition().getAsLong() : null,
                        entry.getValue().isReplaying(), entry.getValue().isCaughtUp()))
                .toList();
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), claimed);
    }
}
