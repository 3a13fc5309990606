package dev.keyledger.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write with several faults is answered about the same one as it always was: the path id, then the body, then a
 * role in the path, then {@code If-Match}. Handlers take their ids, {@code If-Match} and empty body from argument
 * resolvers; these cases pin the order those resolvers must keep.
 */
class WriteFaultOrderTest {

    @TempDir
    static Path dataDir;
    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static String clientPath;

    @BeforeAll
    static void start() {
        keyledger = RunningKeyledger.start(dataDir);
        admin = keyledger.admin();
        clientPath = "/api/v1/clients/" + admin.post("/api/v1/clients", "{\"name\":\"svc\"}").text("clientId");
    }

    @AfterAll
    static void stop() {
        keyledger.close();
    }

    @Test
    void anIdThatCannotExistIsReportedBeforeTheBody() {
        assertProblem(admin.post("/api/v1/clients/bad%20id!/disable", "{\"reason\":\"x\"}"), 404, null);
        assertProblem(admin.patch("/api/v1/clients/bad%20id!", "{\"colour\":\"blue\"}"), 404, null);
        assertProblem(admin.send("DELETE", "/api/v1/roles/NOT_VALID", "{\"reason\":\"x\"}"), 404, null);
    }

    @Test
    void anIdThatMerelyDoesNotExistIsReportedAfterTheBody() {
        assertProblem(admin.post("/api/v1/clients/NoSuchClient/disable", "{\"reason\":\"x\"}"), 400, "reason");
        assertProblem(admin.send("PUT", "/api/v1/roles/no-such-role/permissions", "{\"permissions\":\"x\"}"), 400,
                "permissions");
    }

    @Test
    void theBodyIsReportedBeforeTheRoleInThePath() {
        assertProblem(admin.send("PUT", clientPath + "/roles/NOT_VALID", "{\"role\":\"x\"}"), 400, "role");
        assertProblem(admin.send("DELETE", clientPath + "/roles/no-such-role", "{\"role\":\"x\"}"), 400, "role");
    }

    @Test
    void theBodyIsReportedBeforeIfMatch() {
        assertProblem(admin.patch(clientPath, "{\"colour\":\"blue\"}", "If-Match", "one"), 400, "colour");
        assertProblem(admin.post(clientPath + "/secrets", "{\"expiresAt\":\"tomorrow\"}", "If-Match", "one"), 400,
                "expiresAt");
        assertProblem(admin.post(clientPath + "/disable", "{\"reason\":\"x\"}", "If-Match", "one"), 400, "reason");
        assertProblem(admin.send("PUT", "/api/v1/roles/reader/permissions", "{\"permissions\":\"x\"}",
                "If-Match", "one"), 400, "permissions");
    }

    @Test
    void severalIfMatchLinesAreNeverReadAsOneOfThem() {
        long version = admin.patch(clientPath, "{}").version();
        String current = "\"" + version + "\"";

        assertProblem(admin.post(clientPath + "/disable", null, "If-Match", current, "If-Match", current), 400,
                "If-Match");
        assertThat(admin.patch(clientPath, "{}").version()).isEqualTo(version);
    }

    @Test
    void aMalformedQueryParameterIsReportedBeforeTheIds() {
        AdminClient.Answer answer = admin.delete("/api/v1/clients/NoSuchClient/secrets/NoSuchSecret?force=maybe");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private static void assertProblem(AdminClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.json().get("errors").findValuesAsText("field")).as(answer.toString())
                    .containsExactly(field);
        }
    }
}
