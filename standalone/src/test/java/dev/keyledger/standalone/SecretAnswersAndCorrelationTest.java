package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: every answer that carries a {@code clientSecret} tells caches (a proxy, a browser, a client
 * library) not to store it; and a caller-chosen {@code X-Correlation-Id}, stored in every event it causes and shown
 * in the audit trail, is kept only when it is a short token of safe characters.
 */
@KeyledgerService
class SecretAnswersAndCorrelationTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenAnAnswerCarriesASecret_thenItIsNotToBeStored() {
        List<AdminClient.Answer> withSecrets = new ArrayList<>();
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"svc\"}");
        withSecrets.add(registered);
        withSecrets.add(admin.post("/api/v1/clients", "{\"name\":\"replayed\"}", "Idempotency-Key", "no-store-1"));
        withSecrets.add(admin.post("/api/v1/clients", "{\"name\":\"replayed\"}", "Idempotency-Key", "no-store-1"));
        String client = "/api/v1/clients/" + registered.text("clientId");
        AdminClient.Answer secondary = admin.post(client + "/secrets", null);
        withSecrets.add(secondary);
        admin.delete(client + "/secrets/" + secondary.text("secretId") + "?force=true");
        withSecrets.add(admin.post(client + "/secrets/rotate", null));

        for (AdminClient.Answer answer : withSecrets) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.text("clientSecret")).startsWith("kls_");
            assertThat(answer.header("Cache-Control")).as(answer.toString()).isEqualTo("no-store");
        }
    }

    @Test
    void whenTheCorrelationIdIsAShortSafeToken_thenTheEventsCarryIt() {
        String clientId = admin.post("/api/v1/clients", "{\"name\":\"kept\"}",
                "X-Correlation-Id", "deploy-42:step.1_a").text("clientId");
        assertThat(correlationOf(clientId)).isEqualTo("deploy-42:step.1_a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "a b", "naïve", "{\"json\":1}", "../../etc",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void whenTheCorrelationIdIsLongOrUnsafe_thenAGeneratedOneReplacesIt(String offered) {
        String clientId = admin.post("/api/v1/clients", "{\"name\":\"replaced\"}", "X-Correlation-Id", offered)
                .text("clientId");
        String stored = correlationOf(clientId);
        assertThat(stored).isNotEqualTo(offered);
        UUID generated = UUID.fromString(stored);
        assertThat(generated.toString()).isEqualTo(stored);
        assertThat(generated.version()).as("a random UUID").isEqualTo(4);
        assertThat(generated.variant()).as("the IETF variant").isEqualTo(2);
    }

    private static String correlationOf(String clientId) {
        JsonNode items = admin.send("GET", "/api/v1/clients/" + clientId + "/events", null).json().get("items");
        return items.get(0).get("correlationId").asText();
    }
}
