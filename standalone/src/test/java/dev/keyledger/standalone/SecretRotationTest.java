package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
        try (Machine machine = new Machine(keyledger, id, registered.text("clientSecret"))) {
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
        try (Machine machine = new Machine(keyledger, id, registered.text("clientSecret"))) {
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
}
