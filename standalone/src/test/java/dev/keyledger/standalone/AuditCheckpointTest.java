package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints over real HTTP, a real PostgreSQL and a real KRaft broker: each verifies with the published audit
 * key set using nothing but the JDK, they chain, they survive a key rotation, none is made over nothing, their copies
 * (a folder, the topic) are what the database says, and a history rewritten after a published checkpoint is found
 * by comparing with the copies alone. The checks recompute canonical JSON by their own means (Jackson, sorted keys),
 * not with the service's implementation.
 */
// Not @KeyledgerService: a service of its own, with a checkpoint folder and a broker.
class AuditCheckpointTest {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final String CHECKPOINTS = "/api/v1/audit/checkpoints";
    private static final String KEY_SET = "/.well-known/keyledger-audit-keys.json";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path copies;

    private static EmbeddedKafkaBroker broker;
    private static String topic;
    private static RunningKeyledger keyledger;
    private static Path folder;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start();
        topic = "credential-events-" + UUID.randomUUID();
        folder = copies.resolve("checkpoints");
        // An hour apart: here checkpoints are made on demand only, so each test knows which ones exist.
        keyledger = RunningKeyledger.start(dataDir, "keyledger.audit.checkpoint-interval=PT1H",
                "keyledger.audit.checkpoint-dir=" + folder,
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "keyledger.kafka.topic=" + topic,
                "keyledger.kafka.send-timeout=PT2S", "keyledger.kafka.partitions=3");
    }

    @AfterAll
    static void stop() {
        if (keyledger != null) {
            keyledger.close();
        }
        broker.destroy();
    }

    @Test
    void whenACheckpointIsMade_thenItCoversTheChainHeadAndVerifiesWithThePublishedKeys() throws Exception {
        AdminClient admin = keyledger.admin();
        role(admin, "signed");

        AdminClient.Answer made = admin.post(CHECKPOINTS, null);

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode checkpoint = made.json();
        JsonNode verdict = admin.send("GET", "/api/v1/audit/verify", null).json();
        assertThat(checkpoint.get("headHash").asText()).isEqualTo(verdict.get("headHash").asText());
        assertThat(checkpoint.get("eventCount").asLong()).isEqualTo(verdict.get("checkedEvents").asLong());
        assertThat(checkpoint.get("position").asLong()).isEqualTo(lastPosition());
        assertThat(checkpoint.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        AdminClient.Answer keySet = keyledger.anonymous().send("GET", KEY_SET, null);
        assertThat(keySet.status()).isEqualTo(200);
        assertThat(keySet.header("Content-Type")).startsWith("application/jwk-set+json");
        assertThat(keySet.body()).doesNotContain("\"d\"");
        assertThat(verifies(checkpoint, keySet.json())).isTrue();
        JsonNode forged = checkpoint.deepCopy();
        ((ObjectNode) forged).put("eventCount", checkpoint.get("eventCount").asLong() + 1);
        assertThat(verifies(forged, keySet.json())).isFalse();
        assertThat(listed()).last().isEqualTo(checkpoint);
    }

    @Test
    void whenCheckpointsFollowEachOther_thenEachNamesTheHashOfThePreviousOne() throws Exception {
        AdminClient admin = keyledger.admin();
        for (int i = 0; i < 3; i++) {
            role(admin, "chained");
            assertThat(admin.post(CHECKPOINTS, null).status()).isEqualTo(201);
        }

        List<JsonNode> all = listed();

        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all.get(0).get("previousCheckpointHash").isNull()).isTrue();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("previousCheckpointHash").asText()).as("checkpoint %d", i)
                    .isEqualTo(sha256Hex(canonical(all.get(i - 1))));
            assertThat(all.get(i).get("position").asLong()).isGreaterThan(all.get(i - 1).get("position").asLong());
            assertThat(all.get(i).get("eventCount").asLong()).isGreaterThan(all.get(i - 1).get("eventCount").asLong());
        }
    }

    @Test
    void whenNothingWasLinkedSinceTheLastCheckpoint_thenNoneIsMade() {
        AdminClient admin = keyledger.admin();
        role(admin, "idle");
        JsonNode first = admin.post(CHECKPOINTS, null).json();
        int before = listed().size();

        AdminClient.Answer again = admin.post(CHECKPOINTS, null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(listed()).hasSize(before);
    }

    @Test
    void whenManyAskAtOnce_thenExactlyOneCheckpointIsMade() throws Exception {
        AdminClient admin = keyledger.admin();
        role(admin, "concurrent");
        int before = listed().size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AdminClient.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> admin.post(CHECKPOINTS, null)));
            }
            List<Integer> statuses = new ArrayList<>();
            List<Long> positions = new ArrayList<>();
            for (Future<AdminClient.Answer> answer : answers) {
                statuses.add(answer.get().status());
                positions.add(answer.get().json().get("position").asLong());
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
            assertThat(positions).containsOnly(positions.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(listed()).hasSize(before + 1);
    }

    @Test
    void whenTheAuditKeyRotates_thenNewCheckpointsUseTheNewKeyAndOldOnesStillVerify() throws Exception {
        AdminClient admin = keyledger.admin();
        role(admin, "before-rotation");
        JsonNode old = admin.post(CHECKPOINTS, null).json();

        AdminClient.Answer rotated = admin.post("/api/v1/audit/keys/rotate", null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newKid = rotated.json().get("kid").asText();
        assertThat(newKid).isNotEqualTo(old.get("keyId").asText());
        assertThat(rotated.json().get("status").asText()).isEqualTo("ACTIVE");
        role(admin, "after-rotation");
        JsonNode next = admin.post(CHECKPOINTS, null).json();
        assertThat(next.get("keyId").asText()).isEqualTo(newKid);
        assertThat(next.get("previousCheckpointHash").asText()).isEqualTo(sha256Hex(canonical(old)));
        JsonNode keySet = keyledger.anonymous().send("GET", KEY_SET, null).json();
        assertThat(keySet.get("keys").findValuesAsText("kid")).contains(old.get("keyId").asText(), newKid);
        for (JsonNode checkpoint : listed()) {
            assertThat(verifies(checkpoint, keySet)).as(checkpoint.toString()).isTrue();
        }
        List<String> keyEvents = admin.send("GET", "/api/v1/audit/events?type=audit-key.published,audit-key.activated,"
                + "audit-key.retired&limit=1000", null).json().get("items").findValuesAsText("type");
        assertThat(keyEvents).contains("audit-key.published", "audit-key.activated", "audit-key.retired");
    }

    @Test
    void whenACheckpointIsMade_thenTheFolderAndTheTopicHoldTheSameCheckpoint() throws Exception {
        AdminClient admin = keyledger.admin();
        role(admin, "copied");
        JsonNode checkpoint = admin.post(CHECKPOINTS, null).json();

        Path file = fileOf(checkpoint.get("position").asLong());
        assertThat(Files.readString(file)).isEqualTo(canonical(checkpoint) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            List<TopicReader.Event> events = reader.readUntil("the checkpoint", read -> checkpointOnTopic(read,
                    checkpoint) != null);
            TopicReader.Event event = checkpointOnTopic(events, checkpoint);
            assertThat(TopicReader.violations(event)).as(event.raw()).isEmpty();
            assertThat(event.key()).isEqualTo("audit-checkpoints");
            assertThat(event.value().get("id").asText()).isEqualTo(sha256Hex(canonical(checkpoint)));
            assertThat(event.value().get("data")).isEqualTo(checkpoint);
            List<Long> positions = events.stream()
                    .filter(e -> e.value().get("type").asText().equals("dev.keyledger.audit.checkpoint.v1"))
                    .map(e -> e.value().get("data").get("position").asLong()).toList();
            assertThat(positions).isSorted();
            // Keyed alike, so on one partition, in order.
            assertThat(events.stream().filter(e -> "audit-checkpoints".equals(e.key())).map(TopicReader.Event::partition)
                    .distinct()).hasSize(1);
        }
    }

    /**
     * Someone with write access to PostgreSQL edits an event after a checkpoint was published, lets the chain be
     * relinked over the edit and deletes the checkpoints that covered it: the database now agrees with itself
     * ({@code verify} says intact, and Keyledger even signs a new checkpoint over the edit), but the head recomputed
     * at the published checkpoint's position differs from the copy's, and the copy was not overwritten.
     */
    @Test
    void whenHistoryIsRewrittenAfterAPublishedCheckpoint_thenThePublishedCopiesAloneShowIt() throws Exception {
        AdminClient admin = keyledger.admin();
        String name = role(admin, "rewritten");
        JsonNode published = admin.post(CHECKPOINTS, null).json();
        long position = published.get("position").asLong();
        String copy = Files.readString(fileOf(position));
        long edited = keyledger.jdbc().sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?")
                .param("role:" + name).query(Long.class).single();

        keyledger.jdbc().sql("""
                UPDATE domainevententry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'genuine', 'forged!'), 'UTF8')
                 WHERE globalindex = ?""").param(edited).update();
        keyledger.jdbc().sql("DELETE FROM audit_link WHERE global_index >= ?").param(edited).update();
        keyledger.jdbc().sql("DELETE FROM audit_checkpoint WHERE position >= ?").param(edited).update();
        JsonNode resigned = admin.post(CHECKPOINTS, null).json();

        assertThat(admin.send("GET", "/api/v1/audit/events?aggregateId=" + name, null).body()).contains("forged!");
        assertThat(admin.send("GET", "/api/v1/audit/verify", null).json().get("intact").asBoolean()).isTrue();
        assertThat(resigned.get("position").asLong()).isEqualTo(position);
        String headNow = HexFormat.of().formatHex(keyledger.jdbc()
                .sql("SELECT link FROM audit_link WHERE global_index = ?").param(position).query(byte[].class).single());
        JsonNode fileCopy = SORTED.readTree(copy);
        assertThat(fileCopy.get("headHash").asText()).isNotEqualTo(headNow);
        assertThat(resigned.get("headHash").asText()).isEqualTo(headNow);
        assertThat(Files.readString(fileOf(position))).isEqualTo(copy);
        try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), topic)) {
            List<TopicReader.Event> events = reader.readUntil("the published checkpoint",
                    read -> checkpointOnTopic(read, published) != null);
            assertThat(checkpointOnTopic(events, published).value().get("data").get("headHash").asText())
                    .isNotEqualTo(headNow);
        }
    }

    @Test
    void whenTheCheckpointRoutesGetBadInput_thenTheAnswerIsAProblemNamingIt() {
        AdminClient admin = keyledger.admin();
        for (String query : List.of("after=-1", "after=abc", "after=1.5", "limit=0", "limit=1001", "limit=x",
                "limit=", "after=1&after=2", "since=3", "after=99999999999999999999")) {
            AdminClient.Answer answer = admin.send("GET", CHECKPOINTS + "?" + query, null);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(answer.json().get("errors")).as(query).isNotEmpty();
        }
        AdminClient.Answer withBody = admin.post(CHECKPOINTS, "{\"position\": 3}");
        assertThat(withBody.status()).isEqualTo(400);
        assertThat(withBody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.post(CHECKPOINTS + "?position=3", null).status()).isEqualTo(400);
        assertThat(keyledger.anonymous().send("GET", CHECKPOINTS, null).status()).isEqualTo(401);
        assertThat(keyledger.anonymous().post(CHECKPOINTS, null).status()).isEqualTo(401);
        assertThat(keyledger.anonymous().post("/api/v1/audit/keys/rotate", null).status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/audit/keys/rotate", "{\"kid\": \"mine\"}").status()).isEqualTo(400);
    }

    @Test
    void whenNoAuditKeyIsActive_thenACheckpointOnDemandIsA503ProblemAndNoneIsMade() {
        AdminClient admin = keyledger.admin();
        role(admin, "keyless");
        int before = listed().size();
        String active = keyledger.jdbc().sql("SELECT kid FROM command_audit_key_material WHERE status = 'ACTIVE'")
                .query(String.class).single();
        keyledger.jdbc().sql("UPDATE command_audit_key_material SET status = 'RETIRED' WHERE kid = ?").param(active)
                .update();
        try {
            AdminClient.Answer answer = admin.post(CHECKPOINTS, null);

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotNull();
            assertThat(listed()).hasSize(before);
        } finally {
            keyledger.jdbc().sql("UPDATE command_audit_key_material SET status = 'ACTIVE' WHERE kid = ?").param(active)
                    .update();
        }
    }

    @Test
    void whenCheckpointsArePaged_thenNextLeadsThroughAllOfThem() {
        AdminClient admin = keyledger.admin();
        for (int i = 0; i < 3; i++) {
            role(admin, "paged");
            admin.post(CHECKPOINTS, null);
        }
        List<JsonNode> all = listed();
        List<JsonNode> paged = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonNode page = admin.send("GET", CHECKPOINTS + "?limit=2" + cursor, null).json();
            page.get("items").forEach(paged::add);
            cursor = page.get("next").isNull() ? null : "&after=" + page.get("next").asLong();
        }
        assertThat(paged).isEqualTo(all);
    }

    /** A role whose description is "genuine", one event; its unique name. */
    private static String role(AdminClient admin, String base) {
        String name = UniqueNames.unique(base);
        AdminClient.Answer created = admin.post("/api/v1/roles",
                "{\"name\":\"" + name + "\",\"description\":\"genuine\",\"permissions\":[\"a:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    private static long lastPosition() {
        return keyledger.jdbc().sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    private static List<JsonNode> listed() {
        JsonNode page = keyledger.admin().send("GET", CHECKPOINTS + "?limit=1000", null).json();
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static Path fileOf(long position) {
        return folder.resolve(String.format("checkpoint-%020d.json", position));
    }

    private static TopicReader.Event checkpointOnTopic(List<TopicReader.Event> events, JsonNode checkpoint) {
        return events.stream()
                .filter(e -> e.value().get("type").asText().equals("dev.keyledger.audit.checkpoint.v1"))
                .filter(e -> e.value().get("data").get("position").equals(checkpoint.get("position")))
                .findFirst().orElse(null);
    }

    /** JCS for these flat objects of ASCII strings, integers and null: sorted members, no spaces. */
    @SuppressWarnings("unchecked")
    private static String canonical(JsonNode object) throws IOException {
        Map<String, Object> members = SORTED.convertValue(object, TreeMap.class);
        return SORTED.writeValueAsString(members);
    }

    private static String canonicalUnsigned(JsonNode checkpoint) throws IOException {
        JsonNode unsigned = checkpoint.deepCopy();
        ((ObjectNode) unsigned).remove("signature");
        return canonical(unsigned);
    }

    /** JDK Ed25519 over the canonical JSON without the signature, with the key the set names. */
    private static boolean verifies(JsonNode checkpoint, JsonNode keySet) throws Exception {
        JsonNode jwk = null;
        for (JsonNode key : keySet.get("keys")) {
            if (key.get("kid").asText().equals(checkpoint.get("keyId").asText())) {
                jwk = key;
            }
        }
        assertThat(jwk).as("the key set names " + checkpoint.get("keyId")).isNotNull();
        assertThat(jwk.get("kty").asText()).isEqualTo("OKP");
        assertThat(jwk.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(jwk.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey(Base64.getUrlDecoder().decode(jwk.get("x").asText())));
        ed25519.update(canonicalUnsigned(checkpoint).getBytes(StandardCharsets.UTF_8));
        return ed25519.verify(Base64.getUrlDecoder().decode(checkpoint.get("signature").asText()));
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static String sha256Hex(String text) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
