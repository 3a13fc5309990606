package dev.keyledger.query.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

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
 * The event store as the source of a pooled streaming processor, waking the processor up when events arrive.
 * Axon's embedded event store cannot tell a pooled processor that events are available, so an idle coordinator
 * looks again only every 500 ms, and that is the lag every write would see. This source tells it: shortly after
 * each local commit (a few times, because the store hands the new events to its streams a moment after the
 * commit), and on a short period for events appended by other nodes.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final long[] AFTER_COMMIT_MILLIS = {1, 5, 20, 100};
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "keyledger-event-source-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    public PromptEventSource(EventStore store, Duration period) {
        this.store = store;
        store.subscribe(this::published);
        TIMER.scheduleWithFixedDelay(this::wakeUp, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> wakeUpSoon());
        } else {
            wakeUpSoon();
        }
    }

    private void wakeUpSoon() {
        for (long delay : AFTER_COMMIT_MILLIS) {
            TIMER.schedule(this::wakeUp, delay, TimeUnit.MILLISECONDS);
        }
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

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
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
