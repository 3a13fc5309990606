package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka publisher against a real KRaft broker in the test JVM: every event of the audit feed reaches the topic
 * as a CloudEvent that validates against its schema, keyed by aggregate, in per-aggregate order, with no secret or
 * hash; across a restart, with the publisher off for a while, and across a broker that is not there at first.
 */
// Not @KeyledgerService: restarts the service with and without Kafka, on topics of its own broker.
class KafkaPublisherTest {

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dataDir;

    private final List<String> issuedSecrets = new ArrayList<>(List.of(RunningKeyledger.ADMIN_SECRET));

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void whenCredentialsChange_thenEveryAuditEventArrivesOnTheTopicInOrderAndValidates() {
        String topic = newTopic();
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, kafka(broker.getBrokersAsString(), topic));
             TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            lifecycle(keyledger.admin(), "first");

            List<JsonNode> audit = auditFeed(keyledger.admin());
            List<TopicReader.Event> events = reader.readUntil("every audit event", read -> ids(read).containsAll(ids(audit)));

            assertDelivered(audit, events);
            assertNoSecretIn(events);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.contentType()).isEqualTo("application/cloudevents+json");
                assertThat(TopicReader.violations(event)).as(event.raw()).isEmpty();
            });
            Map<String, JsonNode> byId = audit.stream().collect(Collectors.toMap(e -> e.get("eventId").asText(), e -> e));
            assertThat(events).allSatisfy(event -> {
                JsonNode entry = byId.get(event.id());
                assertThat(event.key()).isEqualTo(entry.get("aggregateId").asText());
                assertThat(event.value().get("subject").asText()).isEqualTo(entry.get("aggregateId").asText());
                assertThat(event.value().get("time").asText()).isEqualTo(entry.get("occurredAt").asText());
                assertThat(event.wireName()).isEqualTo(entry.get("type").asText());
                assertThat(event.value().get("data")).isEqualTo(entry.get("payload"));
            });
        }
    }

    @Test
    void whenHistoryIsRepublished_thenEveryEventArrivesAgainWithItsId() {
        String topic = newTopic();
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, kafka(broker.getBrokersAsString(), topic));
             TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            AdminClient admin = keyledger.admin();
            lifecycle(admin, "again");
            List<JsonNode> audit = auditFeed(admin);
            reader.readUntil("every audit event", read -> ids(read).containsAll(ids(audit)));
            long head = audit.get(audit.size() - 1).get("globalPosition").asLong();

            AdminClient.Answer started = admin.post("/api/v1/integration/kafka/republish", "{\"fromPosition\": 0}");

            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
            assertThat(started.json().get("fromPosition").asLong()).isZero();
            assertThat(started.json().get("upToPosition").asLong()).isGreaterThanOrEqualTo(head);
            Eventually.holds("the republish completes", () -> "COMPLETED".equals(
                    admin.send("GET", "/api/v1/integration/kafka/republish", null).text("state")));
            JsonNode finished = admin.send("GET", "/api/v1/integration/kafka/republish", null).json();
            assertThat(finished.get("published").asLong()).isGreaterThanOrEqualTo(audit.size());
            List<TopicReader.Event> events = reader.readUntil("every audit event twice", read ->
                    audit.stream().allMatch(entry -> count(read, entry.get("eventId").asText()) >= 2));
            assertDelivered(audit, events);
            assertThat(events).allSatisfy(event -> assertThat(TopicReader.violations(event)).isEmpty());
            assertThat(events.stream().collect(Collectors.groupingBy(TopicReader.Event::id,
                    Collectors.mapping(TopicReader.Event::raw, Collectors.toSet()))))
                    .as("the republished copy of each event is the live one, byte for byte")
                    .allSatisfy((id, copies) -> assertThat(copies).hasSize(1));
        }
    }

    @Test
    void whenABacklogSpansManyBatchesAndPages_thenEveryEventArrivesInOrderLiveAndAgainWhenRepublished() {
        String topic = newTopic();
        // The default send timeout: thousands of events are acknowledged per batch here.
        String[] properties = {"spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "keyledger.kafka.topic=" + topic, "keyledger.kafka.partitions=3"};
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, properties);
             TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            AdminClient admin = keyledger.admin();
            // Several batches of the publisher (1,000 events) and pages of a republish (2,000), the last one partial.
            SyntheticEvents.append(keyledger, 5_500);
            Map<String, Long> sequences = keyledger.jdbc()
                    .sql("SELECT eventidentifier, sequencenumber FROM domainevententry")
                    .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            reader.readUntil("every stored event", read -> ids(read).containsAll(sequences.keySet()));

            expect(202, admin.post("/api/v1/integration/kafka/republish", "{\"fromPosition\": 0}"));
            Eventually.holds("the republish completes", () -> "COMPLETED".equals(
                    admin.send("GET", "/api/v1/integration/kafka/republish", null).text("state")));
            JsonNode finished = admin.send("GET", "/api/v1/integration/kafka/republish", null).json();
            long upTo = finished.get("upToPosition").asLong();
            List<String> republished = keyledger.jdbc()
                    .sql("SELECT eventidentifier FROM domainevententry WHERE globalindex <= ?").param(upTo)
                    .query(String.class).list();
            assertThat(finished.get("published").asLong()).isEqualTo(republished.size());
            List<TopicReader.Event> events = reader.readUntil("every republished event twice", read -> {
                Map<String, Long> counts = read.stream()
                        .collect(Collectors.groupingBy(TopicReader.Event::id, Collectors.counting()));
                return republished.stream().allMatch(id -> counts.getOrDefault(id, 0L) >= 2);
            });

            // Per key, the first deliveries are in sequence order, and so are the second (the republished) ones.
            Map<String, Integer> deliveries = new HashMap<>();
            Map<String, List<Long>> first = new LinkedHashMap<>();
            Map<String, List<Long>> second = new LinkedHashMap<>();
            for (TopicReader.Event event : events) {
                int delivery = deliveries.merge(event.id(), 1, Integer::sum);
                Map<String, List<Long>> round = delivery == 1 ? first : delivery == 2 ? second : null;
                if (round != null && sequences.containsKey(event.id())) {
                    round.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(sequences.get(event.id()));
                }
            }
            assertThat(first.keySet()).hasSizeGreaterThan(1_000);
            first.forEach((key, order) -> assertThat(order).as("first deliveries of " + key).isSorted());
            second.forEach((key, order) -> assertThat(order).as("second deliveries of " + key).isSorted());
            System.out.printf("Kafka publisher: %d records for %d stored events%n", events.size(), sequences.size());
        }
    }

    @Test
    void whenTheRepublishRequestIsBad_thenItIsAProblemNamingTheField() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, kafka(broker.getBrokersAsString(), newTopic()))) {
            AdminClient admin = keyledger.admin();
            for (String body : List.of("{\"fromPosition\": -1}", "{\"fromPosition\": \"0\"}", "{}",
                    "{\"fromPosition\": 0, \"to\": 3}", "{\"fromPosition\": 1.5}")) {
                AdminClient.Answer answer = admin.post("/api/v1/integration/kafka/republish", body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.json().get("errors")).as(body).isNotEmpty();
            }
            for (String body : List.of("[0]", "{\"fromPosition\": ", "")) {
                AdminClient.Answer answer = admin.raw("POST", "/api/v1/integration/kafka/republish",
                        body.getBytes(), "Content-Type", "application/json");
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(admin.send("GET", "/api/v1/integration/kafka/republish", null).status()).isEqualTo(404);
        }
    }

    @Test
    void whenTheBrokerIsNotThere_thenARepublishFailsAndSaysWhy() throws Exception {
        String servers = "127.0.0.1:" + freePort();
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, kafka(servers, newTopic()))) {
            AdminClient admin = keyledger.admin();
            expect(201, admin.post("/api/v1/clients", "{\"name\":\"unsent\"}"));

            expect(202, admin.post("/api/v1/integration/kafka/republish", "{\"fromPosition\": 0}"));

            Eventually.holds("the republish fails", () -> "FAILED".equals(
                    admin.send("GET", "/api/v1/integration/kafka/republish", null).text("state")));
            JsonNode failed = admin.send("GET", "/api/v1/integration/kafka/republish", null).json();
            assertThat(failed.get("published").asLong()).isZero();
            assertThat(failed.get("error").asText()).contains("topic");
            assertThat(failed.get("finishedAt").isNull()).isFalse();
        }
    }

    @Test
    void whenKafkaIsNotConfigured_thenTheServiceRunsAndRepublishIsNotFound() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            AdminClient admin = keyledger.admin();
            assertThat(admin.post("/api/v1/clients", "{\"name\":\"no-kafka\"}").status()).isEqualTo(201);
            AdminClient.Answer answer = admin.post("/api/v1/integration/kafka/republish", "{\"fromPosition\": 0}");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(keyledger.jdbc().sql("SELECT count(*) FROM tokenentry WHERE processorname = 'kafka-publisher'")
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void whenTheServiceRestartsOrRanWithoutKafka_thenWhatWasAppendedMeanwhileIsPublished() {
        String topic = newTopic();
        String[] withKafka = kafka(broker.getBrokersAsString(), topic);
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, withKafka)) {
            lifecycle(keyledger.admin(), "before"); // closed at once: some events may not be published yet
        }
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            lifecycle(keyledger.admin(), "without-kafka");
        }
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, withKafka);
             TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            lifecycle(keyledger.admin(), "after");
            List<JsonNode> audit = auditFeed(keyledger.admin());
            List<TopicReader.Event> events = reader.readUntil("every audit event", read -> ids(read).containsAll(ids(audit)));
            assertDelivered(audit, events);
            assertNoSecretIn(events);
        }
    }

    @Test
    void whenTheBrokerIsNotThereAtFirst_thenCommandsSucceedAndEveryEventArrivesOnceItIs() throws Exception {
        int port = freePort();
        String servers = "127.0.0.1:" + port;
        String topic = newTopic();
        EmbeddedKafkaBroker late = EmbeddedBroker.on(port);
        // Segments released after a failure are claimed again on this interval: short, to keep the test short.
        String[] properties = Stream.concat(Stream.of(kafka(servers, topic)),
                Stream.of("keyledger.query.token-claim-interval=PT1S")).toArray(String[]::new);
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, properties)) {
            lifecycle(keyledger.admin(), "outage");
            List<JsonNode> audit = auditFeed(keyledger.admin());
            // The publisher fails meanwhile; had Axon swallowed the failures, the token would have moved past
            // these events and they would never arrive.
            RunningKeyledger.sleep(Duration.ofSeconds(3));

            late.afterPropertiesSet();
            try (TopicReader reader = new TopicReader(servers, topic)) {
                List<TopicReader.Event> events = reader.readUntil("every audit event",
                        read -> ids(read).containsAll(ids(audit)));
                assertDelivered(audit, events);
            }
        } finally {
            late.destroy();
        }
    }

    /** Every audit event arrived, each aggregate's in order (first deliveries); duplicates are counted, not refused. */
    private static void assertDelivered(List<JsonNode> audit, List<TopicReader.Event> events) {
        assertThat(ids(events)).containsAll(ids(audit));
        Map<String, Long> sequence = audit.stream().collect(Collectors.toMap(
                entry -> entry.get("eventId").asText(), entry -> entry.get("sequence").asLong()));
        Map<String, List<Long>> perAggregate = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TopicReader.Event event : events) {
            if (seen.add(event.id()) && sequence.containsKey(event.id())) {
                perAggregate.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(sequence.get(event.id()));
            }
        }
        perAggregate.forEach((aggregate, sequences) ->
                assertThat(sequences).as("sequences of " + aggregate).isSorted());
        System.out.printf("Kafka publisher: %d records for %d audit events, %d duplicates%n",
                events.size(), audit.size(), events.size() - seen.size());
    }

    /** No record holds a secret issued in the test, its hash, or anything named a hash. */
    private void assertNoSecretIn(List<TopicReader.Event> events) {
        for (String secret : issuedSecrets) {
            String hash = SecretHash.digest(secret).sha256();
            assertThat(events).allSatisfy(event -> assertThat(event.raw())
                    .doesNotContain(secret).doesNotContain(hash).doesNotContainIgnoringCase("hash"));
        }
    }

    /** Register, add a secondary, promote it, assign a role, replace a role's permissions, disable, delete. */
    private void lifecycle(AdminClient admin, String name) {
        expect(201, admin.post("/api/v1/roles", "{\"name\":\"" + name + "-reader\",\"permissions\":[\"a:read\"]}"));
        expect(201, admin.post("/api/v1/roles", "{\"name\":\"" + name + "-writer\",\"permissions\":[\"a:write\"]}"));
        AdminClient.Answer registered = expect(201, admin.post("/api/v1/clients",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + name + "-reader\"]}"));
        issuedSecrets.add(registered.text("clientSecret"));
        String client = "/api/v1/clients/" + registered.text("clientId");
        AdminClient.Answer secondary = expect(201, admin.post(client + "/secrets", "{}"));
        issuedSecrets.add(secondary.text("clientSecret"));
        expect(200, admin.post(client + "/secrets/" + secondary.text("secretId") + "/promote", null));
        expect(200, admin.put(client + "/roles/" + name + "-writer"));
        expect(200, admin.send("PUT", "/api/v1/roles/" + name + "-reader/permissions",
                "{\"permissions\":[\"a:read\",\"b:read\"]}"));
        expect(200, admin.post(client + "/disable", null));
        expect(200, admin.delete(client));
        expect(204, admin.delete("/api/v1/roles/" + name + "-writer"));
    }

    private static AdminClient.Answer expect(int status, AdminClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    /** The whole audit feed, oldest first. */
    private List<JsonNode> auditFeed(AdminClient admin) {
        JsonNode page = admin.send("GET", "/api/v1/audit/events?limit=1000", null).json();
        assertThat(page.get("next").isNull()).isTrue();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private static Set<String> ids(List<?> eventsOrEntries) {
        return eventsOrEntries.stream().map(item -> item instanceof TopicReader.Event event
                ? event.id() : ((JsonNode) item).get("eventId").asText()).collect(Collectors.toSet());
    }

    private static long count(List<TopicReader.Event> events, String id) {
        return events.stream().filter(event -> event.id().equals(id)).count();
    }

    private String[] kafka(String servers, String topic) {
        return new String[]{"spring.kafka.bootstrap-servers=" + servers, "keyledger.kafka.topic=" + topic,
                "keyledger.kafka.send-timeout=PT1S", "keyledger.kafka.partitions=3"};
    }

    private static String newTopic() {
        return "credential-events-" + UUID.randomUUID();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
