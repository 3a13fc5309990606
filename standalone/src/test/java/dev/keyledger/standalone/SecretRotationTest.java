package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret rotation as an operator runs it, while the machine keeps asking for tokens without pause: there is no
 * moment in which the machine cannot get a token, in either flow.
 */
@KeyledgerService
class SecretRotationTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenASecondaryIsStagedPromotedAndTheOldOneDeleted_thenTheMachineNeverFailsToGetAToken() {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"staged\"}");
        String id = registered.text("clientId");
        String path = "/api/v1/clients/" + id;
        String oldSecretId = registered.json().at("/secrets/0/secretId").asText();
        try (Machine machine = new Machine(id, registered.text("clientSecret"))) {
            AdminClient.Answer staged = admin.post(path + "/secrets", null);
            machine.deploy(staged.text("clientSecret"));
            assertThat(admin.post(path + "/secrets/" + staged.text("secretId") + "/promote", null).status())
                    .isEqualTo(200);
            waitUntil(() -> admin.patch(path, "{}").json().findValues("lastUsedAt").stream()
                    .filter(lastUsed -> !lastUsed.isNull()).count() == 2, Duration.ofSeconds(5));
            AdminClient.Answer guarded = admin.delete(path + "/secrets/" + oldSecretId);
            assertThat(guarded.status()).as("the old secret authenticated moments ago").isEqualTo(409);
            assertThat(guarded.json().get("lastUsedAt").asText()).isNotBlank();
            assertThat(admin.delete(path + "/secrets/" + oldSecretId + "?force=true").status()).isEqualTo(200);
            machine.runFor(Duration.ofMillis(300));
            assertThat(machine.failures()).isEmpty();
            assertThat(machine.successes()).isPositive();
        }
    }

    @Test
    void whenRotatedInOneStepAndTheOldOneDeleted_thenTheMachineNeverFailsToGetAToken() {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"one-step\"}");
        String id = registered.text("clientId");
        String path = "/api/v1/clients/" + id;
        String oldSecretId = registered.json().at("/secrets/0/secretId").asText();
        try (Machine machine = new Machine(id, registered.text("clientSecret"))) {
            AdminClient.Answer rotated = admin.post(path + "/secrets/rotate", null);
            machine.deploy(rotated.text("clientSecret"));
            assertThat(admin.delete(path + "/secrets/" + oldSecretId + "?force=true").status()).isEqualTo(200);
            machine.runFor(Duration.ofMillis(300));
            assertThat(machine.failures()).isEmpty();
            assertThat(machine.successes()).isPositive();
        }
    }

    /**
     * A machine asking for tokens in a loop with its configured secret. Deploying a new secret, as a real rollout
     * does, only switches over once the new secret has been seen to work.
     */
    private static final class Machine implements AutoCloseable {

        private final String clientId;
        private final AtomicReference<String> secret;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger successes = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Thread loop;

        Machine(String clientId, String secret) {
            this.clientId = clientId;
            this.secret = new AtomicReference<>(secret);
            keyledger.tokenFor(clientId, secret);
            loop = new Thread(this::run);
            loop.start();
        }

        void deploy(String newSecret) {
            waitUntil(() -> request(newSecret).status() == 200, Duration.ofSeconds(5));
            secret.set(newSecret);
        }

        void runFor(Duration duration) {
            RunningKeyledger.sleep(duration);
        }

        int successes() {
            return successes.get();
        }

        List<String> failures() {
            return failures;
        }

        private void run() {
            while (running.get()) {
                AdminClient.Answer answer = request(secret.get());
                if (answer.status() == 200) {
                    successes.incrementAndGet();
                } else {
                    failures.add(answer.toString());
                }
            }
        }

        private AdminClient.Answer request(String withSecret) {
            return keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials",
                    "Authorization", basic(clientId, withSecret));
        }

        @Override
        public void close() {
            running.set(false);
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
