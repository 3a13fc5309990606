package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.hostile.RawHttp;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.token.config.TokenSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API is protected by Keyledger's own tokens, and the bootstrap admin makes the first one possible. */
@ExtendWith(OutputCaptureExtension.class)
@KeyledgerService
class AdminAccessTest {

    /** For the one test that needs a service of its own: it starts without bootstrap credentials. */
    @TempDir
    Path dataDir;

    @Test
    void whenNoOrABadTokenIsSent_then401AndWithoutThePermission_then403(RunningKeyledger keyledger) {
        AdminClient anonymous = keyledger.anonymous();
        AdminClient.Answer none = anonymous.post("/api/v1/roles", "{\"name\":\"x\",\"permissions\":[]}");
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(anonymous.post("/api/v1/clients", "{\"name\":\"x\"}", "Authorization", "Bearer not-a-token"),
                401);
        assertProblem(anonymous.send("GET", "/api/v1/clients", null, "Authorization", "Basic abc"), 401);

        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"viewer\",\"roles\":[\"" + role + "\"]}");
        String token = keyledger.tokenFor(registered.text("clientId"), registered.text("clientSecret"));
        assertProblem(anonymous.post("/api/v1/clients", "{\"name\":\"x\"}", "Authorization", "Bearer " + token), 403);
        assertProblem(anonymous.post("/api/v1/signing-keys/rotate", null, "Authorization", "Bearer " + token), 403);
    }

    @Test
    void whenTheAdminWrites_thenTheActorIsItsClientId(RunningKeyledger keyledger) {
        String id = keyledger.admin().post("/api/v1/clients", "{\"name\":\"audited\"}").text("clientId");
        assertThat(keyledger.jdbc().sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?""")
                .param(id).query(String.class).single())
                .contains("\"actor\":\"" + RunningKeyledger.ADMIN_ID + "\"");
    }

    @Test
    void whenTheAdminTokenIsRevoked_thenTheAdminApiRefusesIt(RunningKeyledger keyledger) {
        String token = keyledger.newAdminToken();
        AdminClient anonymous = keyledger.anonymous();
        String tokenEvents = "/api/v1/clients/" + RunningKeyledger.ADMIN_ID + "/token-events";
        assertThat(anonymous.send("GET", tokenEvents, null, "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
        anonymous.form("/oauth2/revoke", "token=" + token, "Authorization",
                basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET));
        assertProblem(anonymous.send("GET", tokenEvents, null, "Authorization", "Bearer " + token), 401);
    }

    @Test
    void whenNoBootstrapCredentialsAreConfigured_thenTheyAreGeneratedIntoAnOwnerOnlyFileAndNeverLogged(
            CapturedOutput output) throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.startWithoutBootstrapCredentials(dataDir)) {
            Path file = dataDir.resolve("bootstrap-admin.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            JsonNode credentials = new ObjectMapper().readTree(file.toFile());
            String secret = credentials.get("clientSecret").asText();
            assertThat(secret).startsWith("kls_");
            String token = keyledger.tokenHolding(credentials.get("clientId").asText(), secret, AdminPermissions.ALL);
            assertThat(keyledger.anonymous().post("/api/v1/roles", "{\"name\":\"ok\",\"permissions\":[]}",
                    "Authorization", "Bearer " + token).status()).isEqualTo(201);
            assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(secret);
        }
    }

    @Test
    void whenTheCallersRoleIsTakenAway_thenItsUnexpiredTokenStopsWorking(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer reader = admin.post("/api/v1/clients", "{\"name\":\"reader\",\"roles\":[\"" + role + "\"]}");
        String clientId = reader.text("clientId");
        String token = keyledger.tokenHolding(clientId, reader.text("clientSecret"),
                List.of(AdminPermissions.CLIENTS_READ));
        AdminClient withToken = new AdminClient(keyledger.baseUri(), () -> token);
        assertThat(withToken.send("GET", "/api/v1/clients", null).status()).isEqualTo(200);

        admin.delete("/api/v1/clients/" + clientId + "/roles/" + role);

        Eventually.holds("the caller's current permissions refuse its token",
                () -> withToken.send("GET", "/api/v1/clients", null).status() == 403);
        assertThat(withToken.send("GET", "/api/v1/clients", null).text("detail")).contains("no longer holds");
    }

    @Test
    void whenTheTokenIsNotMeantForThisIssuer_thenTheAdminApiRefusesIt(RunningKeyledger keyledger) {
        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("reader");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"keyledger:clients:read\"]}");
        AdminClient.Answer reader = admin.post("/api/v1/clients", "{\"name\":\"reader\",\"roles\":[\"" + role + "\"],"
                + "\"allowedAudiences\":[\"https://api.example.com\"]}");
        String clientId = reader.text("clientId");
        String secret = reader.text("clientSecret");
        keyledger.tokenHolding(clientId, secret, List.of(AdminPermissions.CLIENTS_READ));
        String issuer = keyledger.bean(TokenSettings.class).issuer();
        String forResourceServer = keyledger.tokenFor(clientId, secret, "resource=https://api.example.com");
        String forIssuer = keyledger.tokenFor(clientId, secret, "resource=" + RunningKeyledger.encode(issuer));
        AdminClient anonymous = keyledger.anonymous();

        AdminClient.Answer replayed = anonymous.send("GET", "/api/v1/clients", null,
                "Authorization", "Bearer " + forResourceServer);
        assertProblem(replayed, 401);
        assertThat(replayed.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(anonymous.send("GET", "/api/v1/clients", null, "Authorization", "Bearer " + forIssuer).status())
                .isEqualTo(200);
    }

    @Test
    void whenAuthorizationIsGivenTwice_thenTheCallIsRefused(RunningKeyledger keyledger) {
        String admin = keyledger.newAdminToken();
        RawHttp.Answer twice = RawHttp.send(keyledger.port(), "GET", "/api/v1/clients", null,
                "Authorization", "Bearer " + admin, "Authorization", "Bearer " + admin);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(AdminClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
