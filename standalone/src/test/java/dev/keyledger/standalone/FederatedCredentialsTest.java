package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The federated credential routes of API.md §2 over HTTP: trust rules recorded as events, read back on both sides,
 * refused for an issuer the operator did not allow-list or a subject pattern other than a final {@code :*}, and
 * removed. The token endpoint's side is FederatedTokenTest.
 */
@KeyledgerService
class FederatedCredentialsTest {

    private static final String GITHUB_SUBJECT = "repo:acme/billing:ref:refs/heads/main";

    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        admin = shared.admin();
    }

    @Test
    void whenAWorkloadIdentityIsTrusted_thenTheAnswerTheReadAndTheHistoryShowTheRule() {
        String path = "/api/v1/clients/" + register("federated");

        AdminClient.Answer added = admin.post(path + "/federated-credentials", rule(RunningKeyledger.TRUSTED_ISSUER));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode answer = added.json();
        assertThat(answer.get("issuer").asText()).isEqualTo(RunningKeyledger.TRUSTED_ISSUER);
        assertThat(answer.get("subject").asText()).isEqualTo(GITHUB_SUBJECT);
        assertThat(answer.get("audiences").toString()).isEqualTo("[\"https://keyledger.example\"]");
        assertThat(answer.get("createdAt").asText()).isNotBlank();
        assertThat(answer.get("lastUsedAt").isNull()).isTrue();
        assertThat(added.header("ETag")).isEqualTo("\"" + answer.at("/client/version").asLong() + "\"");
        AdminClient.Answer read = admin.send("GET", path + "?minVersion=" + answer.at("/client/version").asLong(),
                null);
        assertThat(read.json().get("federatedCredentials")).isEqualTo(answer.at("/client/federatedCredentials"));
        JsonNode history = admin.send("GET", path + "/events", null).json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("client.federated-credential-added");
        assertThat(last.at("/payload/credential/credentialId").asText()).isEqualTo(answer.get("credentialId").asText());
    }

    @Test
    void whenTheIssuerIsNotAllowListedOrTheRuleIsRepeatedOrIncomplete_thenRefused() {
        String path = "/api/v1/clients/" + register("untrusted");

        AdminClient.Answer untrusted = admin.post(path + "/federated-credentials", rule("https://evil.example"));
        assertThat(untrusted.status()).isEqualTo(400);
        assertThat(untrusted.json().at("/errors/0/field").asText()).isEqualTo("issuer");
        assertThat(admin.post(path + "/federated-credentials", "{\"issuer\":\"" + RunningKeyledger.TRUSTED_ISSUER
                + "\",\"subject\":\"x\",\"audiences\":[]}").status()).isEqualTo(400);
        for (String pattern : List.of("repo:acme/bill*", "*", "repo:*:ref:main")) {
            AdminClient.Answer refused = admin.post(path + "/federated-credentials", "{\"issuer\":\""
                    + RunningKeyledger.TRUSTED_ISSUER + "\",\"subject\":\"" + pattern
                    + "\",\"audiences\":[\"https://keyledger.example\"]}");
            assertThat(refused.status()).as(pattern).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("subject");
        }
        assertThat(admin.post(path + "/federated-credentials", rule(RunningKeyledger.TRUSTED_ISSUER)).status())
                .isEqualTo(201);
        assertThat(admin.post(path + "/federated-credentials", rule(RunningKeyledger.TRUSTED_ISSUER)).status())
                .isEqualTo(409);
    }

    @Test
    void whenARuleIsRemoved_thenTheClientNoLongerHoldsItAndASecondRemovalIsNotFound() {
        String path = "/api/v1/clients/" + register("removed-rule");
        String credentialId = admin.post(path + "/federated-credentials", rule(RunningKeyledger.TRUSTED_ISSUER))
                .text("credentialId");

        AdminClient.Answer removed = admin.delete(path + "/federated-credentials/" + credentialId);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("federatedCredentials")).isEmpty();
        assertThat(admin.delete(path + "/federated-credentials/" + credentialId).status()).isEqualTo(404);
    }

    private static String rule(String issuer) {
        return "{\"issuer\":\"" + issuer + "\",\"subject\":\"" + GITHUB_SUBJECT
                + "\",\"audiences\":[\"https://keyledger.example\"]}";
    }

    private static String register(String name) {
        return admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}").text("clientId");
    }
}
