package dev.keyledger.standalone;

import dev.keyledger.token.jose.SigningKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Keyledger nodes on one PostgreSQL, started at the same moment on an empty database: one first key, one
 * activation per rotation, and both nodes sign with the same key.
 */
// Not @KeyledgerService: runs a host and two nodes of one deployment.
class SigningKeyNodesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path hostDir;
    @TempDir
    Path nodeADir;
    @TempDir
    Path nodeBDir;

    @Test
    void whenTwoNodesStartAtOnceAndRotate_thenExactlyOneKeyIsActiveAndBothSignWithIt() throws Exception {
        try (RunningKeyledger host = RunningKeyledger.start(hostDir)) {
            int port = host.bean(EmbeddedPostgres.class).getPort();
            host.jdbc().sql("CREATE DATABASE nodes").update();
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            String[] shared = {
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/nodes",
                    "spring.datasource.username=postgres",
                    "spring.datasource.password="
                            + Files.readString(hostDir.resolve(EmbeddedDatabaseAccess.PASSWORD_FILE)),
                    "keyledger.key-encryption-key=" + Base64.getEncoder().encodeToString(kek),
                    "keyledger.keys.activation-delay=PT2S"};

            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<RunningKeyledger> startingA = starter.submit(() -> RunningKeyledger.start(nodeADir, shared));
            Future<RunningKeyledger> startingB = starter.submit(() -> RunningKeyledger.start(nodeBDir, shared));
            starter.shutdown();
            try (RunningKeyledger nodeA = startingA.get(); RunningKeyledger nodeB = startingB.get()) {
                PublishedKeys published = new PublishedKeys(nodeA.admin());
                assertThat(published.list()).hasSize(1);
                String first = published.list().get(0).get("kid").asText();
                assertThat(nodeA.bean(SigningKeys.class).active().kid()).isEqualTo(first);
                assertThat(nodeB.bean(SigningKeys.class).active().kid()).isEqualTo(first);

                String next = nodeB.admin().post("/api/v1/signing-keys/rotate", null).text("kid");

                await().atMost(PATIENCE).until(() -> nodeA.bean(SigningKeys.class).active().kid().equals(next)
                        && nodeB.bean(SigningKeys.class).active().kid().equals(next));
                assertThat(nodeA.eventCount("signing-key:" + next)).as("published, activated once").isEqualTo(2);
                assertThat(nodeA.eventCount("signing-key:" + first)).as("published, activated, retired").isEqualTo(3);
                assertThat(published.jwks()).containsOnlyKeys(first, next);
            }
        }
    }
}
