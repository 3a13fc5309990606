package dev.keyledger.query.integration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The integration topic and the producer that writes it: the live publisher's, and one of its own for each republish
 * job ({@link #forBacklog()}). Each producer is idempotent with {@code acks=all} and one request in flight, so a
 * retried send neither duplicates nor reorders records of one partition (docs/DECISIONS.md 134); every wait on the
 * broker is bounded by the send timeout.
 */
public class EventTopic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventTopic.class);
    private static final RecordHeader CONTENT_TYPE =
            new RecordHeader("content-type", CloudEventMapper.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));

    private static final int BATCH_BYTES = 256 * 1024;

    private final KafkaSettings settings;
    private final Map<String, Object> clientConfig;
    private final Producer<String, byte[]> producer;
    private final OutageLog outages;
    private final AtomicLong failures;
    private volatile boolean exists;

    /** @param clientConfig the broker connection: bootstrap servers and any {@code spring.kafka.properties.*} */
    EventTopic(KafkaSettings settings, Map<String, Object> clientConfig) {
        this(settings, Map.copyOf(clientConfig), Sending.LIVE, new OutageLog(settings.topic()), new AtomicLong(), false);
    }

    private EventTopic(KafkaSettings settings, Map<String, Object> clientConfig, Sending sending, OutageLog outages,
                       AtomicLong failures, boolean exists) {
        this.settings = settings;
        this.clientConfig = clientConfig;
        this.producer = new KafkaProducer<>(producerConfig(sending), new StringSerializer(), new ByteArraySerializer());
        this.outages = outages;
        this.failures = failures;
        this.exists = exists;
    }

    /**
     * The topic with a producer of its own that lets each batch fill for a few milliseconds, for a job that sends a
     * backlog as fast as it can: fewer, fuller requests, and far fewer wake-ups of the producer's network thread,
     * which a send that opens a batch costs (docs/DECISIONS.md 135). Its own client id keeps it apart from the live
     * producer in the broker's logs and quotas. Its failures count as this topic's; close it when the job ends.
     */
    EventTopic forBacklog() {
        return new EventTopic(settings, clientConfig, Sending.BACKLOG, outages, failures, exists);
    }

    /** How a producer sends: the live publisher's at once, a backlog job's letting its batches fill. */
    private record Sending(String clientId, Duration linger) {
        static final Sending LIVE = new Sending("keyledger-publisher", Duration.ZERO);
        static final Sending BACKLOG = new Sending("keyledger-republisher", Duration.ofMillis(10));
    }

    private Map<String, Object> producerConfig(Sending sending) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One, not Kafka's five: a request that fails on a partition the broker has just created (or whose producer
        // state it has expired) would let the next one be written first, and the retried records after it.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // The live producer does not linger: a live event leaves at once. While a request is in flight the rest queue
        // up per partition; large batches let a backlog go in few requests (16 KiB, the default, holds ~25 events).
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, (int) sending.linger().toMillis());
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        // send() waits for the topic's metadata; while the broker is away that wait must not outlast a batch's.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, sending.clientId());
        return config;
    }

    public String name() {
        return settings.topic();
    }

    /**
     * Creates the topic unless it exists (another node or an operator may have created it, with other settings:
     * theirs stand). Once it has been seen to exist, this costs nothing.
     */
    public void ensureExists() {
        if (exists) {
            return;
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        Admin admin = Admin.create(config);
        try {
            admin.createTopics(List.of(new NewTopic(settings.topic(), settings.partitions(),
                    settings.replicationFactor()))).all().get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("created Kafka topic {} ({} partitions, replication factor {})", settings.topic(),
                    settings.partitions(), settings.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw unavailable("cannot create topic " + settings.topic() + ": " + describe(e.getCause()));
            }
        } catch (TimeoutException e) {
            throw unavailable("no answer within " + settings.sendTimeout() + " to the creation of topic "
                    + settings.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while creating topic " + settings.topic());
        } finally {
            admin.close(Duration.ZERO);
        }
        exists = true;
    }

    /** Hands the event to the producer; the future completes when the broker has acknowledged it. */
    public CompletableFuture<RecordMetadata> send(CloudEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), null, event.subject(),
                CloudEventMapper.json(event), List.of(CONTENT_TYPE));
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (KafkaException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    /**
     * Returns once the broker has acknowledged every send, or throws {@link KafkaUnavailable} when one failed or
     * the acknowledgements did not all come within the send timeout.
     */
    public void awaitAll(List<CompletableFuture<RecordMetadata>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            outages.succeeded();
        } catch (ExecutionException e) {
            throw unavailable(describe(e.getCause()));
        } catch (TimeoutException e) {
            throw unavailable("no acknowledgement within " + settings.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while waiting for acknowledgements");
        }
    }

    /** Batches the broker did not acknowledge since the node started (each is retried; nothing is lost). */
    public long failures() {
        return failures.get();
    }

    private KafkaUnavailable unavailable(String detail) {
        failures.incrementAndGet();
        outages.failed(detail);
        return new KafkaUnavailable(detail);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Sends what the producer still holds, for a while, then lets go of the broker. */
    @Override
    public void close() {
        producer.close(settings.sendTimeout());
    }
}
