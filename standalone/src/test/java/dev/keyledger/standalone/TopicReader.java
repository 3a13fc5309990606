package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the integration topic from its start with a plain Kafka consumer, as a downstream system would, and checks
 * records against the JSON Schemas the repository holds.
 */
final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<Event> read = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        // The consumer must not create the topic: the publisher does, with its own partitions.
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Reads every partition from its start, once the topic exists. */
    private boolean assigned() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(1)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return true;
    }

    /** One record: its key, partition, content-type header and value. */
    record Event(String key, int partition, String contentType, String raw, JsonNode value) {

        String id() {
            return value.path("id").asText();
        }

        /** {@code dev.keyledger.client.registered.v1} → {@code client.registered} */
        String wireName() {
            String type = value.path("type").asText();
            return type.substring("dev.keyledger.".length(), type.length() - ".v1".length());
        }
    }

    /** Polls until what has been read satisfies {@code done}, or fails after 60 s. Returns everything read. */
    List<Event> readUntil(String what, Predicate<List<Event>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.test(read)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not on the topic within 60 s: " + what + " (read " + read.size() + ")");
            }
            read.addAll(poll());
        }
        return List.copyOf(read);
    }

    /** The records that arrived since the last poll; none (after a short wait) while the topic does not exist. */
    List<Event> poll() {
        if (!assigned()) {
            RunningKeyledger.sleep(Duration.ofMillis(100));
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            Header contentType = record.headers().lastHeader("content-type");
            events.add(new Event(record.key(), record.partition(),
                    contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                    new String(record.value(), StandardCharsets.UTF_8), json(record.value())));
        }
        return events;
    }

    /** What the schema of its type finds wrong with an event; empty when it validates. */
    static List<String> violations(Event event) {
        String file = "schemas/cloudevents/" + event.wireName() + ".v1.schema.json";
        try (InputStream schema = TopicReader.class.getClassLoader().getResourceAsStream(file)) {
            if (schema == null) {
                return List.of("no schema " + file);
            }
            return SCHEMAS.getSchema(schema, FORMATS).validate(event.value()).stream()
                    .map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("a record that is not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
