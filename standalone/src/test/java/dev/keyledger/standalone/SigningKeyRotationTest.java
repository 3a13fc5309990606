package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing keys over real HTTP on the embedded PostgreSQL: the first key, the JWKS, a rotation with a 2 s activation
 * delay end to end, no plaintext private key at rest, and bad rotation requests.
 */
// Not @KeyledgerService: rotates the keys every token of a shared service is signed with; checks the first one.
class SigningKeyRotationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static PublishedKeys published;
    private static SigningKeys signingKeys;

    @BeforeAll
    static void start() {
        keyledger = RunningKeyledger.start(dataDir, "keyledger.keys.activation-delay=PT2S");
        admin = keyledger.admin();
        published = new PublishedKeys(admin);
        signingKeys = keyledger.bean(SigningKeys.class);
    }

    @AfterAll
    static void stop() {
        keyledger.close();
    }

    @Test
    void whenTheServiceFirstStarts_thenOneKeyIsActiveAtOnceByTheSystem() {
        List<JsonNode> keys = published.list();
        JsonNode first = keys.get(0);
        assertThat(first.get("alg").asText()).isEqualTo("ES256");
        assertThat(first.get("createdAt").asText()).isNotEmpty();
        String kid = first.get("kid").asText();
        assertThat(keyledger.eventCount("signing-key:" + kid)).isGreaterThanOrEqualTo(2);
        assertThat(metadataOf("signing-key:" + kid)).allMatch(metadata -> metadata.contains("\"actor\":\"system\""));
    }

    @Test
    void whenTheJwksIsFetched_thenItListsExactlyTheLiveKeysWithoutPrivateMembers() {
        Set<String> live = published.list().stream().map(item -> item.get("kid").asText()).collect(Collectors.toSet());

        assertThat(published.jwks().keySet()).isEqualTo(live);
        assertThat(published.jwks()).containsKey(signingKeys.active().kid());
    }

    @Test
    void whenKeysAreRotated_thenTheNewKeyIsPublishedFirstThenSignsAndTheOldOneStillVerifies() {
        SigningKey old = signingKeys.active();
        String tokenBefore = PublishedKeys.sign(old);

        AdminClient.Answer rotated = admin.post("/api/v1/signing-keys/rotate", null);

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(202);
        String kid = rotated.text("kid");
        assertThat(rotated.text("status")).isEqualTo("PUBLISHED");
        assertThat(rotated.json().get("activatedAt").isNull()).isTrue();
        // Announced for two seconds after the moment of publication, which the event's own timestamp follows.
        assertThat(Instant.parse(rotated.text("activatesAt")))
                .isBeforeOrEqualTo(Instant.parse(rotated.text("createdAt")).plusSeconds(2));
        await().atMost(PATIENCE).until(() -> published.jwks().containsKey(kid));

        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(published.status(kid)));
        assertThat(published.status(old.kid())).isEqualTo("RETIRED");
        await().atMost(PATIENCE).until(() -> signingKeys.active().kid().equals(kid));
        assertThat(published.jwks()).containsKeys(kid, old.kid());
        assertThat(signingKeys.forVerification(old.kid())).hasValueSatisfying(
                retired -> assertThat(retired.privateKey()).as("a retired key signs no more").isNull());
        assertThat(PublishedKeys.verify(tokenBefore, published.jwks())).isEqualTo("probe");
        assertThat(PublishedKeys.verify(PublishedKeys.sign(signingKeys.active()), published.jwks())).isEqualTo("probe");
        assertThat(verifyUntilOf(old.kid())).isAfter(Instant.now().plus(Duration.ofHours(24)));
        assertThat(metadataOf("signing-key:" + kid).get(0)).contains("\"actor\":\"" + RunningKeyledger.ADMIN_ID + "\"");
    }

    @Test
    void whenTheTableIsRead_thenNoPrivateKeyIsInItInPlaintext() {
        byte[] pkcs8 = signingKeys.active().privateKey().getEncoded();
        List<byte[]> rows = keyledger.jdbc()
                .sql("SELECT convert_to(t::text, 'UTF8') FROM command_signing_key_material t")
                .query((rs, row) -> rs.getBytes(1)).list();
        List<byte[]> sealed = keyledger.jdbc()
                .sql("SELECT sealed_private_key FROM command_signing_key_material")
                .query((rs, row) -> rs.getBytes(1)).list();
        List<byte[]> events = keyledger.jdbc()
                .sql("SELECT payload FROM domainevententry WHERE aggregateidentifier LIKE 'signing-key:%'")
                .query((rs, row) -> rs.getBytes(1)).list();

        String hex = HexFormat.of().formatHex(pkcs8);
        String base64 = Base64.getEncoder().encodeToString(pkcs8);
        assertThat(rows).allSatisfy(row -> assertThat(new String(row, StandardCharsets.UTF_8))
                .doesNotContain(hex).doesNotContain(base64));
        assertThat(sealed).allSatisfy(bytes -> assertThat(contains(bytes, pkcs8)).isFalse());
        assertThat(events).allSatisfy(bytes -> assertThat(contains(bytes, pkcs8)).isFalse());
        assertThat(events).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .doesNotContain(base64).doesNotContain("\"d\""));
    }

    @Test
    void whenARotationRequestHasABody_thenItIs400ProblemAndNothingChanges() {
        long before = keyledger.eventCount();

        assertProblem(admin.post("/api/v1/signing-keys/rotate", "{\"algorithm\":\"RS256\"}"), 400);
        assertProblem(admin.post("/api/v1/signing-keys/rotate", "[]"), 400);
        assertProblem(admin.post("/api/v1/signing-keys/rotate", "{\"kid\":"), 400);
        assertProblem(admin.raw("POST", "/api/v1/signing-keys/rotate", "x".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain"), 415);
        assertProblem(admin.send("PUT", "/api/v1/signing-keys/rotate", "{}"), 405);
        assertThat(keyledger.eventCount()).isEqualTo(before);
    }

    @Test
    void whenANewKeyStillWaitsToActivate_thenAnotherRotationIs409() {
        AdminClient.Answer rotated = admin.post("/api/v1/signing-keys/rotate", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(202);
        String kid = rotated.text("kid");

        AdminClient.Answer again = admin.post("/api/v1/signing-keys/rotate", null);

        assertProblem(again, 409);
        assertThat(again.body()).contains(kid);
        assertThat(published.list()).filteredOn(key -> "PUBLISHED".equals(key.get("status").asText()))
                .extracting(key -> key.get("kid").asText()).containsExactly(kid);
        // Once it signs, the next rotation is accepted; the test waits for that one too, leaving no key pending.
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(published.status(kid)));
        String next = admin.post("/api/v1/signing-keys/rotate", null).text("kid");
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(published.status(next)));
    }

    @Test
    void whenTheAuditTrailIsFilteredByAKid_thenItShowsThatKeysEvents() {
        String kid = signingKeys.active().kid();

        JsonNode items = admin.send("GET", "/api/v1/audit/events?aggregateId=" + kid, null).json().get("items");

        assertThat(items).isNotEmpty();
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("aggregateType").asText()).isEqualTo("signing-key");
            assertThat(item.get("aggregateId").asText()).isEqualTo(kid);
        });
        assertThat(items).extracting(item -> item.get("type").asText())
                .contains("signing-key.published", "signing-key.activated");
    }

    private static void assertProblem(AdminClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    private static List<String> metadataOf(String aggregateId) {
        return keyledger.jdbc()
                .sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?"
                        + " ORDER BY sequencenumber")
                .param(aggregateId).query(String.class).list();
    }

    private static Instant verifyUntilOf(String kid) {
        return keyledger.jdbc().sql("SELECT verify_until FROM command_signing_key_material WHERE kid = ?")
                .param(kid).query(Timestamp.class).single().toInstant();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
