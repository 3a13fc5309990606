package dev.keyledger.standalone;

import dev.keyledger.query.integration.KafkaPublisher;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The Kafka publisher against a real KRaft broker in the same JVM (so broker, service, PostgreSQL and consumer
 * share the cores): (a) latency from a command's HTTP acknowledgement to its CloudEvent being consumed from the
 * topic, one command every 20 ms; (b) the live publisher catching up with a backlog appended straight into the
 * store; (c) republishing the whole store; (d) the live publisher alone catching up with a backlog appended while
 * its processor was stopped.
 *
 * <p>Run: {@code scripts/bench KafkaPublishBenchmark [commands] [backlog events]} (defaults 500 and 20000).
 */
public final class KafkaPublishBenchmark {

    private static final Duration PACE = Duration.ofMillis(20);

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long backlog = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
        EmbeddedKafkaBroker broker = EmbeddedBroker.start();
        String topic = "bench.credential-events";
        Path dataDir = Files.createTempDirectory("keyledger-bench");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN",
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "keyledger.kafka.topic=" + topic);
             Arrivals arrivals = new Arrivals(new TopicReader(broker.getBrokersAsString(), topic))) {
            AdminClient admin = keyledger.admin();
            String client = "/api/v1/clients/" + admin.post("/api/v1/clients", "{\"name\":\"lag\"}").text("clientId");
            latency(admin, client, arrivals, 100, "warm-up", new LatencyRecorder());
            LatencyRecorder recorder = new LatencyRecorder();
            latency(admin, client, arrivals, commands, "measured", recorder);

            long before = arrivals.distinct();
            ProcessCpu catchUpCpu = ProcessCpu.now(dataDir);
            long started = System.nanoTime();
            long appended = SyntheticEvents.append(keyledger, backlog);
            arrivals.await(() -> arrivals.distinct() >= before + appended);
            double catchUpSeconds = (System.nanoTime() - started) / 1e9;
            catchUpCpu = ProcessCpu.now(dataDir).since(catchUpCpu);

            long stored = keyledger.eventCount();
            long records = arrivals.records();
            ProcessCpu republishCpu = ProcessCpu.now(dataDir);
            AdminClient.Answer answer = admin.post("/api/v1/integration/kafka/republish", "{\"fromPosition\": 0}");
            if (answer.status() != 202) {
                throw new IllegalStateException("republish answered " + answer);
            }
            arrivals.await(() -> "COMPLETED".equals(
                    admin.send("GET", "/api/v1/integration/kafka/republish", null).text("state")), Duration.ofMillis(50));
            AdminClient.Answer done = admin.send("GET", "/api/v1/integration/kafka/republish", null);
            double republishSeconds = Duration.between(Instant.parse(done.text("startedAt")),
                    Instant.parse(done.text("finishedAt"))).toNanos() / 1e9;
            long republished = done.json().get("published").asLong();
            arrivals.await(() -> arrivals.records() >= records + republished);
            republishCpu = ProcessCpu.now(dataDir).since(republishCpu);

            // (d) the publisher alone: its processor stopped while the backlog is appended and the views catch up,
            // then started again.
            EventProcessor publisher = keyledger.bean(EventProcessingConfiguration.class)
                    .eventProcessor(KafkaPublisher.PROCESSING_GROUP).orElseThrow();
            publisher.shutDown();
            long beforeBacklog = arrivals.distinct();
            long waiting = SyntheticEvents.append(keyledger, backlog, "bench-backlog-role-");
            ViewsProgress.await(keyledger);
            ProcessCpu backlogCpu = ProcessCpu.now(dataDir);
            long restarted = System.nanoTime();
            publisher.start();
            arrivals.await(() -> arrivals.distinct() >= beforeBacklog + waiting);
            double backlogSeconds = (System.nanoTime() - restarted) / 1e9;
            backlogCpu = ProcessCpu.now(dataDir).since(backlogCpu);

            System.out.printf(Locale.ROOT, "Keyledger Kafka publish benchmark: JDK %s (%s), %d cores, broker in the "
                            + "same JVM (spring-kafka-test KRaft)%n", Runtime.version(),
                    System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "(a) ack -> consumed, %d commands, one every %d ms:%n", commands,
                    PACE.toMillis());
            System.out.print(recorder.report());
            System.out.printf(Locale.ROOT, "(b) live publisher catching up with %d appended events: %.1f s, "
                    + "%.0f events/s (append included)%s%n", appended, catchUpSeconds, appended / catchUpSeconds,
                    catchUpCpu.perEvent(appended));
            System.out.printf(Locale.ROOT, "(c) republish of the whole store, %d of %d events: %.1f s, %.0f events/s%s%n",
                    republished, stored, republishSeconds, republished / republishSeconds,
                    republishCpu.perEvent(republished));
            System.out.printf(Locale.ROOT, "(d) live publisher started with %d events waiting (start and segment "
                    + "claims included): %.1f s, %.0f events/s%s%n", waiting, backlogSeconds, waiting / backlogSeconds,
                    backlogCpu.perEvent(waiting));
        } finally {
            broker.destroy();
        }
    }

    /** Renames the client once per slot and waits for the renaming's event on the topic. */
    private static void latency(AdminClient admin, String client, Arrivals arrivals, int commands, String run,
                                LatencyRecorder recorder) {
        long next = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            String name = run + "-" + i;
            AdminClient.Answer answer = admin.patch(client, "{\"name\":\"" + name + "\"}");
            long acknowledged = System.nanoTime();
            if (answer.status() != 200) {
                throw new IllegalStateException("rename answered " + answer);
            }
            arrivals.await(() -> arrivals.arrivalOf(name) != null);
            // The event may be consumed before the HTTP answer has been read: that is no lag at all.
            recorder.record("ack -> consumed", Math.max(0, arrivals.arrivalOf(name) - acknowledged));
            next += PACE.toNanos();
            RunningKeyledger.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
        }
    }

    /** Consumes the topic in the background: when each renaming arrived, how many records and distinct ids. */
    private static final class Arrivals implements AutoCloseable {

        private final TopicReader reader;
        private final Map<String, Long> renamed = new ConcurrentHashMap<>();
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final AtomicLong records = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        Arrivals(TopicReader reader) {
            this.reader = reader;
            this.thread = new Thread(this::consume, "bench-consumer");
            thread.start();
        }

        private void consume() {
            while (running) {
                for (TopicReader.Event event : reader.poll()) {
                    long now = System.nanoTime();
                    records.incrementAndGet();
                    ids.add(event.id());
                    if (event.wireName().equals("client.details-changed")) {
                        renamed.putIfAbsent(event.value().path("data").path("name").asText(), now);
                    }
                }
            }
        }

        Long arrivalOf(String name) {
            return renamed.get(name);
        }

        long distinct() {
            return ids.size();
        }

        long records() {
            return records.get();
        }

        /** Polls every 0.1 ms: the latency is measured to that resolution. */
        void await(BooleanSupplier condition) {
            await(condition, Duration.ofNanos(100_000));
        }

        void await(BooleanSupplier condition, Duration interval) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not within 5 minutes");
                }
                LockSupport.parkNanos(interval.toNanos());
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
            reader.close();
        }
    }
}
