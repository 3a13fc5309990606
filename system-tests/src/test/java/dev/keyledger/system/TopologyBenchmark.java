package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kafka in the distributed topology, measured from outside: the latency from a command's acknowledgement (through the
 * proxy, on the command-side node) to its CloudEvent read from the topic (published by a query-side node in another
 * JVM), and the publishing throughput of a republish of the whole history. Run with
 * {@code scripts/bench system-tests TopologyBenchmark [commands=500] [pause-ms=20]}; it starts the topology with
 * scripts/topology and stops it afterwards.
 */
public final class TopologyBenchmark {

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 20;
        System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        Topology.up();
        try {
            KeyledgerApi api = KeyledgerApi.admin();
            latency(api, 100, pauseMillis); // warm-up: five JVMs' JIT compilers share two cores at first
            latency(api, commands, pauseMillis);
            republish(api);
        } finally {
            Topology.down();
        }
    }

    private static void latency(KeyledgerApi api, int commands, long pauseMillis) throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        AtomicBoolean assigned = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(consumed, assigned, running), "benchmark-consumer");
        consumer.start();
        while (!assigned.get()) {
            Eventually.sleep(50);
        }
        for (int i = 0; i < commands; i++) {
            String clientId = api.register("latency-" + i).text("clientId");
            acknowledged.put(clientId, System.nanoTime());
            Eventually.sleep(pauseMillis);
        }
        Eventually.get(Duration.ofSeconds(60), consumed::size, size -> size >= commands, "every CloudEvent consumed");
        running.set(false);
        consumer.join();
        List<Double> millis = new ArrayList<>();
        acknowledged.forEach((clientId, ackAt) -> millis.add((consumed.get(clientId) - ackAt) / 1e6));
        millis.sort(Double::compare);
        System.out.printf("ack -> CloudEvent consumed, %d commands one every %d ms: p50 %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", commands, pauseMillis, percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    /** Reads new records only (from the end of every partition), noting when each registration's event arrived. */
    private static void consume(Map<String, Long> consumed, AtomicBoolean assigned, AtomicBoolean running) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Topology.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (KafkaConsumer<String, String> kafka =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            kafka.subscribe(List.of(Topology.topic()));
            while (kafka.assignment().isEmpty()) {
                kafka.poll(Duration.ofMillis(100));
            }
            kafka.seekToEnd(kafka.assignment());
            kafka.assignment().forEach(kafka::position);
            assigned.set(true);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(100))) {
                    long at = System.nanoTime();
                    JsonNode event = KeyledgerApi.JSON.readTree(record.value());
                    if (event.path("type").asText().equals("dev.keyledger.client.registered.v1")) {
                        consumed.putIfAbsent(event.path("subject").asText(), at);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void republish(KeyledgerApi api) {
        api.post("/api/v1/integration/kafka/republish", Map.of("fromPosition", 0)).expect(202);
        JsonNode done = Eventually.get(Duration.ofMinutes(5),
                () -> api.get("/api/v1/integration/kafka/republish").expect(200).body(),
                status -> !status.path("state").asText().equals("RUNNING"), "republish finished");
        long published = done.path("published").asLong();
        Duration took = Duration.between(Instant.parse(done.path("startedAt").asText()),
                Instant.parse(done.path("finishedAt").asText()));
        System.out.printf("republish of the whole history: %s, %d events in %d ms = %.0f events/s%n",
                done.path("state").asText(), published, took.toMillis(), published * 1000.0 / took.toMillis());
    }

    private static double percentile(List<Double> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
