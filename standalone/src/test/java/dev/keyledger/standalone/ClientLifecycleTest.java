package dev.keyledger.standalone;

import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole client lifecycle through the admin API over real HTTP, on the real embedded PostgreSQL, with verbose
 * logging switched on; afterwards no secret and no hash may appear in the log output or in any answer but the one
 * that created the secret.
 */
// Not @KeyledgerService: TRACE logging of its own, captured and searched for secrets.
@ExtendWith(OutputCaptureExtension.class)
class ClientLifecycleTest {

    @TempDir
    Path dataDir;

    private final List<String> secrets = new ArrayList<>();
    private final List<String> laterAnswers = new ArrayList<>();

    @Test
    void whenAClientLivesThroughEveryWrite_thenEachAnswerIsRightAndNoSecretLeaks(CapturedOutput output) {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "logging.level.dev.keyledger=TRACE", "logging.level.org.axonframework=DEBUG",
                "logging.level.org.springframework.web=DEBUG", "logging.level.org.springframework.jdbc.core=TRACE")) {
            AdminClient admin = keyledger.admin();

            AdminClient.Answer role = admin.post("/api/v1/roles",
                    "{\"name\":\"billing-reader\",\"permissions\":[\"invoices:read\",\"customers:read\"]}");
            assertThat(role.status()).isEqualTo(201);
            assertThat(role.header("Location")).isEqualTo("/api/v1/roles/billing-reader");
            assertThat(admin.post("/api/v1/roles", "{\"name\":\"billing-writer\",\"permissions\":[\"invoices:write\"]}")
                    .status()).isEqualTo(201);

            AdminClient.Answer registered = admin.post("/api/v1/clients", """
                    {"name": "billing-service", "description": "bills", "roles": ["billing-reader"],
                     "accessTokenTtlSeconds": 900, "allowedAudiences": ["https://api.example.com"]}""");
            assertThat(registered.status()).isEqualTo(201);
            String clientId = registered.text("clientId");
            String path = "/api/v1/clients/" + clientId;
            assertThat(registered.header("Location")).isEqualTo(path);
            assertThat(registered.header("ETag")).isEqualTo("\"0\"");
            String primary = registered.text("clientSecret");
            secrets.add(primary);
            assertThat(primary).startsWith("kls_").hasSizeGreaterThanOrEqualTo(4 + 43);
            assertThat(registered.text("status")).isEqualTo("ACTIVE");
            assertThat(registered.json().get("permissions")).hasSize(2);
            assertThat(registered.json().at("/secrets/0/slot").asText()).isEqualTo("PRIMARY");
            assertThat(registered.json().at("/secrets/0/hint").asText()).isEqualTo(primary.substring(primary.length() - 4));
            String primaryId = registered.json().at("/secrets/0/secretId").asText();

            // Stage, promote, delete the old one: the rotation without a gap.
            AdminClient.Answer staged = admin.post(path + "/secrets", "{\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
            assertThat(staged.status()).isEqualTo(201);
            assertThat(staged.text("slot")).isEqualTo("SECONDARY");
            assertThat(staged.text("expiresAt")).isEqualTo("2099-01-01T00:00:00Z");
            secrets.add(staged.text("clientSecret"));
            String stagedId = staged.text("secretId");
            assertThat(admin.post(path + "/secrets", null).status()).isEqualTo(409);

            AdminClient.Answer promoted = later(admin.post(path + "/secrets/" + stagedId + "/promote", null, "If-Match", "\"1\""));
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(promoted.header("ETag")).isEqualTo("\"2\"");
            assertThat(promoted.json().at("/secrets/0/secretId").asText()).isEqualTo(stagedId);
            assertThat(promoted.json().at("/secrets/1/secretId").asText()).isEqualTo(primaryId);
            assertThat(later(admin.delete(path + "/secrets/" + stagedId)).status()).isEqualTo(409);
            AdminClient.Answer oldDeleted = later(admin.delete(path + "/secrets/" + primaryId));
            assertThat(oldDeleted.status()).isEqualTo(200);
            assertThat(oldDeleted.json().get("secrets")).hasSize(1);

            // One-step rotation, then the old one goes.
            AdminClient.Answer rotated = admin.post(path + "/secrets/rotate", null);
            assertThat(rotated.status()).isEqualTo(201);
            assertThat(rotated.text("slot")).isEqualTo("PRIMARY");
            secrets.add(rotated.text("clientSecret"));
            assertThat(rotated.json().at("/client/secrets/1/secretId").asText()).isEqualTo(stagedId);
            assertThat(admin.post(path + "/secrets/rotate", null).status()).isEqualTo(409);
            assertThat(later(admin.delete(path + "/secrets/" + stagedId)).status()).isEqualTo(200);

            AdminClient.Answer changed = later(admin.patch(path, "{\"name\":\"billing\",\"description\":null}"));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.text("name")).isEqualTo("billing");
            assertThat(changed.json().get("description").isNull()).isTrue();
            assertThat(changed.json().get("accessTokenTtlSeconds").asInt()).isEqualTo(900);

            AdminClient.Answer assigned = later(admin.put(path + "/roles/billing-writer"));
            assertThat(assigned.json().get("permissions")).hasSize(3);
            assertThat(later(admin.put(path + "/roles/billing-writer")).version()).isEqualTo(assigned.version());
            assertThat(later(admin.put(path + "/roles/no-such-role")).status()).isEqualTo(404);
            assertThat(later(admin.delete(path + "/roles/billing-reader")).json().get("roles")).hasSize(1);

            assertThat(later(admin.post(path + "/disable", null)).text("status")).isEqualTo("DISABLED");
            assertThat(later(admin.post(path + "/enable", null)).text("status")).isEqualTo("ACTIVE");

            // Deleting a role takes it from its holders, as the system, under the deletion's correlation id.
            assertThat(admin.delete("/api/v1/roles/billing-writer", "X-Correlation-Id", "cleanup-42").status())
                    .isEqualTo(204);
            assertThat(keyledger.jdbc().sql("""
                            SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                             WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1""")
                    .param(clientId).query(String.class).single())
                    .contains("\"actor\":\"system\"").contains("\"correlationId\":\"cleanup-42\"");
            AdminClient.Answer afterRoleDeletion = later(admin.post(path + "/disable", null));
            assertThat(afterRoleDeletion.json().get("roles")).isEmpty();
            assertThat(afterRoleDeletion.json().get("permissions")).isEmpty();

            AdminClient.Answer deleted = later(admin.delete(path));
            assertThat(deleted.text("status")).isEqualTo("DELETED");
            long events = keyledger.eventCount(clientId);
            assertThat(later(admin.post(path + "/enable", null)).status()).isEqualTo(409);
            assertThat(later(admin.post(path + "/secrets/rotate", null)).status()).isEqualTo(409);
            assertThat(later(admin.delete(path)).status()).isEqualTo(409);
            assertThat(keyledger.eventCount(clientId)).isEqualTo(events);

            List<String> payloads = keyledger.jdbc()
                    .sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry").query(String.class).list();
            for (String secret : secrets) {
                assertThat(payloads).noneMatch(payload -> payload.contains(secret));
            }
        }
        for (String secret : secrets) {
            String hash = SecretHash.digest(secret).sha256();
            assertThat(output.getAll()).doesNotContain(secret).doesNotContain(hash);
            assertThat(laterAnswers).noneMatch(answer -> answer.contains(secret) || answer.contains(hash));
        }
        assertThat(output.getAll()).contains("Handling command"); // the verbose logging did run
    }

    /** An answer that must not carry any secret, since it did not create one. */
    private AdminClient.Answer later(AdminClient.Answer answer) {
        laterAnswers.add(answer.body());
        return answer;
    }
}
