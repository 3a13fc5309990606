package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node of the topology has its management port (scripts/topology: its port + 100): ready, with the readiness
 * conditions of its service, and metrics; the proxy routes none of it.
 */
@ExtendWith(Topology.class)
class ManagementPortsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The readiness conditions each kind of node shows besides the database (docs/DECISIONS.md 73). */
    private static final Map<String, List<String>> CONDITIONS = Map.of(
            "command", List.of("db"),
            "query", List.of("db", "projections", "auditChain"),
            "token", List.of("db", "authView", "signingKey"));

    @Test
    void whenTheTopologyIsUp_thenEveryNodeIsReadyWithItsConditionsAndServesMetrics() throws Exception {
        Map<String, URI> nodes = Topology.managementNodes();
        assertThat(nodes).containsOnlyKeys("command", "query-1", "query-2", "token-1", "token-2");
        for (Map.Entry<String, URI> node : nodes.entrySet()) {
            HttpResponse<String> readiness = get(node.getValue(), "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(node.getKey()).isEqualTo(200);
            JsonNode components = KeyledgerApi.JSON.readTree(readiness.body()).path("components");
            for (String condition : CONDITIONS.get(node.getKey().replaceAll("-\\d$", ""))) {
                assertThat(components.path(condition).path("status").asText()).as(node.getKey() + " " + condition)
                        .isEqualTo("UP");
            }
            HttpResponse<String> metrics = get(node.getValue(), "/actuator/prometheus");
            assertThat(metrics.statusCode()).as(node.getKey()).isEqualTo(200);
            assertThat(metrics.body()).as(node.getKey()).contains("jvm_memory_used_bytes", "hikaricp_connections");
        }
        assertThat(get(nodes.get("token-1"), "/actuator/prometheus").body())
                .contains("keyledger_token_requests_total{", "keyledger_auth_view_staleness_seconds");
        assertThat(get(nodes.get("query-1"), "/actuator/prometheus").body())
                .contains("keyledger_projection_lag_events{", "keyledger_kafka_publish_lag_events");
        assertThat(get(nodes.get("command"), "/actuator/prometheus").body()).contains("keyledger_commands_total{");
    }

    @Test
    void theProxyRoutesNoManagementPath() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus")) {
            HttpResponse<String> answer = get(Topology.proxy(), path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("\"UP\"", "jvm_");
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
