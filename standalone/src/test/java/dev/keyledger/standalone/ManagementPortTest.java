package dev.keyledger.standalone;

import dev.keyledger.infrastructure.hostile.PathSpellings;
import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator lives on the management port only, with health and prometheus and nothing else; the public port knows
 * none of it, under any spelling and with any token, and answers as for any unknown path.
 */
@Tag("hostile")
@KeyledgerService
class ManagementPortTest {

    private static final List<String> ACTUATOR_PATHS = List.of("/actuator", "/actuator/health",
            "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus", "/livez", "/readyz");

    private static RunningKeyledger keyledger;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
    }

    @Test
    void healthProbesAndMetricsAnswerOnTheManagementPort() {
        AdminClient management = new AdminClient(keyledger.managementUri(), null);
        assertThat(keyledger.managementPort()).isNotEqualTo(keyledger.port());
        assertThat(management.send("GET", "/actuator/health/liveness", null).text("status")).isEqualTo("UP");
        Eventually.holds("ready", () -> "UP".equals(
                management.send("GET", "/actuator/health/readiness", null).text("status")));
        AdminClient.Answer health = management.send("GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").has("db")).as(health.body()).isTrue();
        AdminClient.Answer metrics = management.send("GET", "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "process_uptime_seconds");
    }

    @Test
    void theManagementPortExposesNothingElse() {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics",
                "/actuator/info", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
                "/actuator/mappings", "/actuator/scheduledtasks", "/actuator/shutdown", "/api/v1/clients",
                "/oauth2/jwks", "/.well-known/oauth-authorization-server")) {
            for (String method : List.of("GET", "POST")) {
                RawHttp.Answer answer = RawHttp.send(keyledger.managementPort(), method, path, null);
                assertThat(answer.status()).as(method + " " + path + ": " + answer).isEqualTo(404);
            }
        }
    }

    @Test
    void thePublicPortHasNoActuatorUnderAnySpellingOrToken() {
        String adminToken = keyledger.newAdminToken();
        RawHttp.Answer unknown = RawHttp.send(keyledger.port(), "GET", "/no-such-thing", null);
        assertThat(unknown.status()).isEqualTo(404);
        List<String> attempts = new ArrayList<>();
        for (String path : ACTUATOR_PATHS) {
            attempts.add(path);
            attempts.addAll(PathSpellings.of(path));
        }
        for (String target : attempts) {
            for (RawHttp.Answer answer : List.of(RawHttp.send(keyledger.port(), "GET", target, null),
                    RawHttp.send(keyledger.port(), "GET", target, null, "Authorization", "Bearer " + adminToken))) {
                assertThat(answer.status()).as(target + ": " + answer).isIn(400, 404);
                assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
                assertThat(answer.body()).as(target).doesNotContain("UP", "jvm_", "status\":\"");
            }
        }
        // The canonical spellings are refused as unknown paths are: nothing names the actuator on this port.
        for (String path : ACTUATOR_PATHS) {
            RawHttp.Answer answer = RawHttp.send(keyledger.port(), "GET", path, null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(problem(answer).replace(path, "/no-such-thing")).isEqualTo(problem(unknown));
        }
    }

    /** The problem document of a chunked answer, without its chunk sizes. */
    private static String problem(RawHttp.Answer answer) {
        return answer.body().lines().filter(line -> line.startsWith("{")).findFirst().orElseThrow();
    }
}
