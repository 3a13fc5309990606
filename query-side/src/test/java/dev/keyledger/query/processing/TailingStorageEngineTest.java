package dev.keyledger.query.processing;

import dev.keyledger.query.testing.TestDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' storage engine on a real PostgreSQL: a tailing read (the tailing store's producer) ends at its
 * first short batch, without Axon's extra empty read and its gap query, still reads on after a full one, and says
 * when it has handed events over; the read again after one that reached the head queries only if an append was
 * announced since; a catching-up read runs to the end whatever its batches hold.
 */
class TailingStorageEngineTest {

    private static final int BATCH = 2;

    private final AtomicInteger queries = new AtomicInteger();
    private JdbcClient jdbc;
    private TailingStorageEngine engine;
    private TrackingToken start;

    @BeforeEach
    void emptyStore() {
        jdbc = TestDatabase.emptied();
        ConnectionProvider counting = () -> {
            queries.incrementAndGet();
            return TestDatabase.dataSource().getConnection();
        };
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = new TailingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(counting)
                .transactionManager(NoTransactionManager.INSTANCE)
                .batchSize(BATCH));
    }

    @Test
    void whenATailingReadMeetsAShortBatch_thenItEndsThereWithOneQueryPerBatch() {
        append(5);

        List<String> read = payloads(engine.readEvents(start, true).toList());

        assertThat(read).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(queries).as("batches of 2, 2 and 1; Axon's own engine reads an empty fourth and asks for a gap")
                .hasValue(3);
    }

    @Test
    void whenATailingReadEndsWithAFullBatch_thenItReadsOnceMoreToFindTheEnd() {
        append(4);

        List<String> read = payloads(engine.readEvents(start, true).toList());

        assertThat(read).containsExactly("e0", "e1", "e2", "e3");
        assertThat(queries).as("2, 2, then an empty batch and Axon's check for a wide gap beyond it").hasValue(4);
    }

    @Test
    void whenATailingReadHandsOverEvents_thenItSaysSoOnceAfterTheLast_andAnEmptyReadSaysNothing() {
        List<String> seenWhenTold = new ArrayList<>();
        List<String> read = new ArrayList<>();
        engine.afterTailingReads(() -> seenWhenTold.add(String.join(",", read)));
        append(3);

        engine.readEvents(start, true).forEach(event -> read.add((String) event.getPayload()));
        engine.readEvents(engine.createHeadToken(), true).forEach(event -> read.add((String) event.getPayload()));
        engine.readEvents(start, false).forEach(event -> { });

        assertThat(seenWhenTold).containsExactly("e0,e1,e2");
    }

    @Test
    void whenAHoleShortensABatch_thenTheTailingReadStopsThereAndTheNextReadGoesOnFromItsLastToken() {
        append(5);
        jdbc.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(position(2)).update();

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(start, true).toList();
        List<? extends TrackedEventMessage<?>> rest = engine.readEvents(last(first), true).toList();

        assertThat(payloads(first)).containsExactly("e0", "e1", "e3");
        assertThat(payloads(rest)).as("read again unannounced: events may lie beyond a batch a hole shortened")
                .containsExactly("e4");
    }

    @Test
    void whenTheReadAfterOneThatReachedTheHeadIsUnannounced_thenItAnswersNothingWithoutAQuery() {
        append(3);
        List<? extends TrackedEventMessage<?>> first = engine.readEvents(start, true).toList();
        append(1, 3);

        List<String> reread = payloads(engine.readEvents(last(first), true).toList());

        assertThat(reread).as("Axon's producer reads again at once; nothing was announced since").isEmpty();
        assertThat(queries).hasValue(0);
    }

    @Test
    void whenAnAppendWasAnnouncedSinceTheLastRead_thenTheReadQueries() {
        append(3);
        List<? extends TrackedEventMessage<?>> first = engine.readEvents(start, true).toList();
        append(1, 3);
        engine.appendAnnounced();

        assertThat(payloads(engine.readEvents(last(first), true).toList())).containsExactly("e3");
    }

    @Test
    void whenTheLastReadFoundNothing_thenTheNextQueriesAnnouncedOrNot() {
        List<? extends TrackedEventMessage<?>> none = engine.readEvents(engine.createHeadToken(), true).toList();
        append(2);

        assertThat(none).isEmpty();
        assertThat(payloads(engine.readEvents(start, true).toList()))
                .as("the producer's own poll, for a notification that was lost").containsExactly("e0", "e1");
    }

    @Test
    void whenACatchingUpReadMeetsAShortBatch_thenItReadsOnToTheEnd() {
        append(5);
        jdbc.sql("DELETE FROM domainevententry WHERE globalindex = ?").param(position(2)).update();

        List<String> read = payloads(engine.readEvents(start, false).toList());

        assertThat(read).containsExactly("e0", "e1", "e3", "e4");
    }

    /** Appends e0, e1, ... and sets {@link #start} just before e0, so that reads begin with e0's batch. */
    private void append(int events) {
        append(events, 0);
        start = GapAwareTrackingToken.newInstance(position(0) - 1, Collections.emptySortedSet());
    }

    /** Appends {@code events} more, named and numbered from {@code first} on, without announcing them. */
    private void append(int events, int first) {
        engine.appendEvents(IntStream.range(first, first + events)
                .mapToObj(i -> new GenericDomainEventMessage<>("Test", "aggregate-1", i, "e" + i))
                .toList());
        queries.set(0);
    }

    private static TrackingToken last(List<? extends TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }

    /** The global index of event e{@code n}. */
    private long position(int n) {
        return jdbc.sql("SELECT min(globalindex) FROM domainevententry").query(Long.class).single() + n;
    }

    private static List<String> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> (String) event.getPayload()).toList();
    }
}
