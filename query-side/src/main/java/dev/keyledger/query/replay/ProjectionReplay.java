package dev.keyledger.query.replay;

import dev.keyledger.query.processing.QueryViews;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a projection from the event store while the service keeps running: the processor stops, its tokens are
 * reset to the start of the store (its {@code @ResetHandler}s empty its views in the same transaction), and it
 * starts again, replaying every event and then carrying on with live ones. Reads answer from the partly rebuilt
 * views meanwhile; {@code ?minVersion=} reads wait for them.
 *
 * <p>Only the views' projection can be replayed. The hash chain is evidence about the store and is never rebuilt
 * from it. Every segment must be free to reset: with several nodes, the others must stop this processor first.
 */
@Component
public class ProjectionReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final List<String> REPLAYABLE = List.of(QueryViews.PROCESSING_GROUP);

    private final Configuration axon;

    ProjectionReplay(Configuration axon) {
        this.axon = axon;
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
     * @throws ReplayUnavailable when the tokens cannot be reset now (the processor is restarted as it was)
     */
    public Optional<ProjectionStatus> replay(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            LOG.info("replaying projection {} from the start of the event store", name);
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                throw new ReplayUnavailable("projection " + name + " cannot be reset now: " + e.getMessage()
                        + " (stop it on the other nodes first)", e);
            } finally {
                processor.start();
            }
        });
        return found.map(processor -> status(name, processor));
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        if (!REPLAYABLE.contains(name)) {
            return Optional.empty();
        }
        return axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
    }

    private static ProjectionStatus status(String name, StreamingEventProcessor processor) {
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
