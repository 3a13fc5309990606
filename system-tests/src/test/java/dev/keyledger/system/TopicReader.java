package dev.keyledger.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the whole credential-events topic from the beginning, as a new downstream consumer would. */
final class TopicReader {

    private TopicReader() {
    }

    /** Every record, in (partition, offset) order, once every one of {@code expectedIds} has arrived or time is up. */
    static List<PublishedEvent> readUntil(Collection<String> expectedIds, Duration timeout) {
        return readUntil(expectedIds, 1, timeout);
    }

    /** Reads until each id was seen {@code copies} times (a republish delivers every event again), or the timeout. */
    static List<PublishedEvent> readUntil(Collection<String> expectedIds, int copies, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Topology.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<PublishedEvent> events = new ArrayList<>();
        Map<String, Integer> missing = new HashMap<>();
        expectedIds.forEach(id -> missing.put(id, copies));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topology.topic()));
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    PublishedEvent event = parse(record);
                    events.add(event);
                    missing.computeIfPresent(event.id(), (id, left) -> left > 1 ? left - 1 : null);
                }
            }
        }
        events.sort(Comparator.comparingInt(PublishedEvent::partition).thenComparingLong(PublishedEvent::offset));
        return events;
    }

    private static PublishedEvent parse(ConsumerRecord<String, String> record) {
        Header contentType = record.headers().lastHeader("content-type");
        try {
            return new PublishedEvent(record.partition(), record.offset(), record.key(),
                    contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                    KeyledgerApi.JSON.readTree(record.value()), record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON at offset " + record.offset() + ": " + record.value(), e);
        }
    }
}
