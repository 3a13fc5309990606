package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
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

    @Test
    void whenTheCorrelationIdHeaderIsRepeated_thenOneSafeIdIsKeptAndAnsweredNeverAServerError() {
        String answer = RawHttp.exchange("127.0.0.1", keyledger.port(), "POST /api/v1/clients HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
                + "X-Correlation-Id: first-1\r\nX-Correlation-Id: <second>\r\n"
                + "Authorization: Bearer " + keyledger.newAdminToken() + "\r\nConnection: close\r\n\r\n",
                "{\"name\":\"twice\"}".getBytes(StandardCharsets.US_ASCII));
        assertThat(RawHttp.statusOf(answer)).as(answer).isEqualTo(201);
        String echoed = answer.lines().filter(line -> line.startsWith("X-Correlation-Id: ")).toList().toString();
        String clientId = answer.replaceAll("(?s).*\"clientId\":\"([^\"]+)\".*", "$1");
        assertThat(echoed).isEqualTo("[X-Correlation-Id: " + correlationOf(clientId) + "]");
        assertThat(correlationOf(clientId)).doesNotContain("<");
    }

    private static String correlationOf(String clientId) {
        JsonNode items = admin.send("GET", "/api/v1/clients/" + clientId + "/events", null).json().get("items");
        return items.get(0).get("correlationId").asText();
    }
}
