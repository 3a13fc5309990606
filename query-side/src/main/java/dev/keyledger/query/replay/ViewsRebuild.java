package dev.keyledger.query.replay;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.role.event.RoleEvent;
import dev.keyledger.query.client.ClientProjector;
import dev.keyledger.query.processing.EventPages;
import dev.keyledger.query.processing.ProjectedEvent;
import dev.keyledger.query.processing.ViewLock;
import dev.keyledger.query.role.RoleProjector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rebuilds the views once their processor's tokens have been reset (docs/DECISIONS.md 137), doing with each event
 * what the processor's work packages would do, without their per-event machinery. It reads the store a page at a
 * time as the processor reads it; gives each event to the segment Axon's sequencing policy gives it to; lets that
 * segment's token decide, as Axon's replay token decides, whether the event is replayed or live (live: it came after
 * the reset, and the client auth view must see it); and projects the page through the projectors' own code in one
 * transaction that also stores every segment's advanced token. So a rebuild that stops after any page leaves views
 * and tokens as the processor would have after the same events, and the processor carries on from there.
 *
 * <p>It holds the segments' claims for as long as it runs (each page's tokens are stored under them) and the views'
 * lock exclusively in each page's transaction.
 */
final class ViewsRebuild {

    private final String processor;
    private final TokenStore tokenStore;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final EventPages pages;
    private final ClientProjector clients;
    private final RoleProjector roles;
    private final ViewLock lock;
    private final TransactionTemplate transactions;
    private final int[] segmentIds;
    private final Segment[] segments;
    /**
     * Per segment, its token, replay included: what it stores, what tells a replayed event from a live one, and what
     * it covers is not handed to it again (a replay token covers what its current position covers).
     */
    private final TrackingToken[] consumed;
    private volatile TrackingToken position;

    ViewsRebuild(String processor, TokenStore tokenStore, SequencingPolicy<? super EventMessage<?>> sequencing,
                 EventPages pages, ClientProjector clients, RoleProjector roles, ViewLock lock,
                 TransactionTemplate transactions) {
        this.processor = processor;
        this.tokenStore = tokenStore;
        this.sequencing = sequencing;
        this.pages = pages;
        this.clients = clients;
        this.roles = roles;
        this.lock = lock;
        this.transactions = transactions;
        this.segmentIds = Objects.requireNonNull(transactions.execute(status -> tokenStore.fetchSegments(processor)));
        this.segments = Arrays.stream(segmentIds)
                .mapToObj(segmentId -> Segment.computeSegment(segmentId, segmentIds.clone()))
                .toArray(Segment[]::new);
        this.consumed = Objects.requireNonNull(transactions.execute(status -> claimAll()));
        this.position = start(consumed);
    }

    private TrackingToken[] claimAll() {
        TrackingToken[] tokens = new TrackingToken[segmentIds.length];
        for (int i = 0; i < segmentIds.length; i++) {
            tokens[i] = tokenStore.fetchToken(processor, segmentIds[i]);
        }
        return tokens;
    }

    /** Where the processor's coordinator would open its stream: at the lowest of the segments' positions. */
    private static TrackingToken start(TrackingToken[] tokens) {
        TrackingToken lowest = null;
        for (int i = 0; i < tokens.length; i++) {
            TrackingToken at = WrappedToken.unwrapLowerBound(tokens[i]);
            if (at == null) {
                return null;
            }
            lowest = i == 0 ? at : lowest.lowerBound(at);
        }
        return lowest;
    }

    int[] segmentIds() {
        return segmentIds.clone();
    }

    /** The global position of the last event read, if any. */
    OptionalLong position() {
        TrackingToken at = position;
        return at == null ? OptionalLong.empty() : at.position();
    }

    /**
     * Projects page after page until one comes back short (the head of the store as that read found it) or the
     * thread is interrupted, then gives the segments' claims up. The next page is read while one is projected: a read
     * does not depend on the writes before it, and it runs on a PostgreSQL backend of its own.
     */
    void run() {
        ExecutorService reader = Executors.newSingleThreadExecutor(
                DaemonThreads.named("keyledger-views-rebuild-reader"));
        try {
            TrackingToken first = position;
            Future<List<? extends TrackedEventMessage<?>>> next = reader.submit(() -> pages.after(first));
            while (!Thread.currentThread().isInterrupted()) {
                List<? extends TrackedEventMessage<?>> page = next.get();
                if (page.isEmpty()) {
                    return;
                }
                TrackingToken last = page.get(page.size() - 1).trackingToken();
                boolean more = page.size() >= pages.size();
                if (more) {
                    next = reader.submit(() -> pages.after(last));
                }
                transactions.executeWithoutResult(status -> project(page));
                position = last;
                if (!more) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            reader.shutdownNow();
            transactions.executeWithoutResult(status -> {
                for (int segmentId : segmentIds) {
                    tokenStore.releaseClaim(processor, segmentId);
                }
            });
        }
    }

    private void project(List<? extends TrackedEventMessage<?>> page) {
        lock.takeExclusive();
        List<ProjectedEvent<ClientEvent>> clientEvents = new ArrayList<>();
        for (TrackedEventMessage<?> event : page) {
            int handling = segmentOf(event);
            for (int i = 0; i < segments.length; i++) {
                if (consumed[i] != null && consumed[i].covers(event.trackingToken())) {
                    continue;
                }
                consumed[i] = WrappedToken.advance(consumed[i], event.trackingToken());
                if (i == handling && event instanceof DomainEventMessage<?> domainEvent) {
                    project(domainEvent, !ReplayToken.isReplay(consumed[i]), clientEvents);
                }
            }
        }
        clients.project(clientEvents);
        for (int i = 0; i < segments.length; i++) {
            tokenStore.storeToken(consumed[i], processor, segmentIds[i]);
        }
    }

    /** As Axon's event handler invoker assigns events to segments. */
    private int segmentOf(EventMessage<?> event) {
        Object identifier = sequencing.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(identifier == null ? event.getIdentifier() : identifier);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches(hash)) {
                return i;
            }
        }
        return -1;
    }

    /** Role events are projected at once and client events at the end of the page, as in the processor's batches. */
    private void project(DomainEventMessage<?> event, boolean live, List<ProjectedEvent<ClientEvent>> clientEvents) {
        Class<?> type = event.getPayloadType();
        if (ClientEvent.class.isAssignableFrom(type)) {
            clientEvents.add(new ProjectedEvent<>((ClientEvent) event.getPayload(), event.getSequenceNumber(),
                    event.getTimestamp(), live));
        } else if (RoleEvent.class.isAssignableFrom(type)) {
            roles.project((RoleEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp(), live);
        }
    }
}
