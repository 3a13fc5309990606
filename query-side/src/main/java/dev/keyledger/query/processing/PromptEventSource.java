package dev.keyledger.query.processing;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the source of a pooled streaming processor, prompt for commits on any node. Axon's embedded
 * event store reads new events when a local commit tells it to, or otherwise only every second; and it cannot tell a
 * pooled processor that events are there, so an idle coordinator looks again only every 500 ms. This source reads
 * through a tailing store of its own, which reads at once when told of a commit anywhere, this node's included
 * ({@link AppendNotifications}), and wakes the processor up as soon as that read has handed over events
 * ({@link TailingStorageEngine}); every {@code period} it also wakes it and reads by itself, in case a notification
 * was lost. One prompt per commit, and two wake-ups instead of four (docs/DECISIONS.md 128): it no longer also
 * listens to this node's commits, which the notification follows within a millisecond, nor wakes the processor on
 * guessed delays, but when the events are there, and once more 20 ms later.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final long SECOND_LOOK_MILLIS = 20;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("keyledger-event-source-wakeup"));

    private final TailingStorageEngine engine;
    private final TailingStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    private PromptEventSource(TailingStorageEngine storageEngine, Duration period) {
        this.engine = storageEngine;
        this.store = new TailingStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(period.toMillis())
                .threadFactory(DaemonThreads.named("keyledger-tailing-store")));
        TIMER.scheduleWithFixedDelay(this::wakeUp, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A source for one processor of {@code config}, its tailing store shut down with Axon. Under a stream of appends
     * it reads at most once per {@code spacing}, so that one read, one batch and one commit of the processor serve
     * every append that came meanwhile (docs/DECISIONS.md 129).
     */
    static PromptEventSource of(Configuration config, TailingStorageEngine storageEngine,
                                AppendNotifications appends, Duration period, Duration spacing) {
        PromptEventSource source = new PromptEventSource(storageEngine, period);
        storageEngine.afterTailingReads(source::wakeUp);
        SpacedRuns reads = new SpacedRuns(source::readAfterAppend, spacing, TIMER);
        appends.onAppend(reads::prompt);
        config.onShutdown(source.store::shutDown);
        return source;
    }

    /**
     * Tells the engine that an append came, so that its next read queries, and reads at once; the read wakes the
     * processor when it hands events over. One more wake-up follows a little later for the processor that was between
     * streams then ({@link Prompted#hasNextAvailable()}), whose next chance would otherwise be the next {@code period}.
     */
    private void readAfterAppend() {
        engine.appendAnnounced();
        store.fetchNow();
        TIMER.schedule(this::wakeUp, SECOND_LOOK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void wakeUp() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Prompted(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** An embedded event store used only to tail the events, which can be told that a local commit added some. */
    private static final class TailingStore extends EmbeddedEventStore {

        TailingStore(EmbeddedEventStore.Builder builder) {
            super(builder);
        }

        void fetchNow() {
            afterCommit(List.of());
        }
    }

    /** A stream of the store that accepts an availability callback, registered with this source. */
    private final class Prompted implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        Prompted(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }

        /**
         * Asks twice when the first answer is no. Axon's consumer answers no once as it moves from reading the store
         * itself (catching up) to the tailing store's cache, even when the cache already holds its next events; the
         * processor would then wait for the next wake-up, which comes only with the next events read or the next
         * {@code period}. Asked again, it reads the cache. A consumer that is really at the head answers no twice
         * from memory.
         */
        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable() || delegate.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }
    }
}
