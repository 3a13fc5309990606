package dev.keyledger.command.config;

import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's event store engine on a real PostgreSQL: an aggregate shorter than a batch loads in one query,
 * where Axon's own engine takes three (a snapshot query, the events, an empty batch to be sure); longer streams still
 * load whole and in order.
 */
class CommandSideStorageEngineTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final AtomicInteger queries = new AtomicInteger();
    private final ConnectionProvider counting = () -> {
        queries.incrementAndGet();
        return dataSource.getConnection();
    };

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigrations.apply(dataSource, "eventstore");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyStore() {
        JdbcClient.create(dataSource).sql("TRUNCATE domainevententry, snapshotevententry, audit_append_digest").update();
    }

    @Test
    void whenAStreamIsShorterThanABatch_thenTheAggregateLoadsInOneQuery() {
        EventStorageEngine engine = new CommandSideStorageEngine(builder());
        append(engine, "client-1", 3);

        List<Long> loaded = load(engine, "client-1");

        assertThat(loaded).containsExactly(0L, 1L, 2L);
        assertThat(queries).as("the events only: no snapshot query, no empty batch after a short one").hasValue(1);
    }

    @Test
    void whenAxonsOwnEngineLoadsTheSameStream_thenItTakesThreeQueries() {
        EventStorageEngine engine = builder().build();
        append(engine, "client-1", 3);

        load(engine, "client-1");

        assertThat(queries).as("what the command side's engine saves").hasValue(3);
    }

    @Test
    void whenAStreamFillsBatches_thenItReadsOnToTheEndInOrder() {
        EventStorageEngine engine = new CommandSideStorageEngine(builder());
        int events = CommandSideStorageEngine.BATCH_SIZE * 2 + 7;
        append(engine, "client-1", events);
        append(engine, "client-2", 5);

        List<Long> loaded = load(engine, "client-1");

        assertThat(loaded).containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
        assertThat(queries).as("two full batches and a short one").hasValue(3);
    }

    @Test
    void whenAStreamIsExactlyABatch_thenAnEmptyReadEndsIt() {
        EventStorageEngine engine = new CommandSideStorageEngine(builder());
        append(engine, "client-1", CommandSideStorageEngine.BATCH_SIZE);

        assertThat(load(engine, "client-1")).hasSize(CommandSideStorageEngine.BATCH_SIZE);
        assertThat(queries).hasValue(2);
    }

    @Test
    void whenAnAggregateHasNoEvents_thenOneQuerySaysSo() {
        EventStorageEngine engine = new CommandSideStorageEngine(builder());

        assertThat(load(engine, "nobody")).isEmpty();
        assertThat(queries).hasValue(1);
    }

    private JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(counting)
                .transactionManager(NoTransactionManager.INSTANCE);
    }

    private void append(EventStorageEngine engine, String aggregate, int events) {
        engine.appendEvents(IntStream.range(0, events)
                .mapToObj(i -> new GenericDomainEventMessage<>("Client", aggregate, i, "e" + i))
                .toList());
        queries.set(0);
    }

    /** The sequence numbers of the aggregate's events as the repository loads them: through the event store. */
    private static List<Long> load(EventStorageEngine engine, String aggregate) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            return store.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber).toList();
        } finally {
            store.shutDown();
        }
    }
}
