package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/openapi.json} in the topology (docs/DECISIONS.md 76): each service documents the admin routes it
 * serves, and the proxy serves the whole API's document, which is exactly what the three services document together.
 */
@ExtendWith(Topology.class)
class OpenApiThroughProxyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProxysDocumentIsTheFileAndEveryServiceDocumentsItsShareOfIt() throws Exception {
        JsonNode whole = document(Topology.proxy());
        assertThat(whole).isEqualTo(JSON.readTree(Path.of("..", "deploy", "openapi", "keyledger-admin-api.json")
                .toFile()));

        Map<String, String> served = new TreeMap<>();
        for (URI node : List.of(Topology.commandNode(), Topology.queryNodes().get(0), Topology.tokenNodes().get(0))) {
            JsonNode own = document(node);
            assertThat(own.path("openapi").asText()).isEqualTo("3.1.0");
            operations(own).forEach((operation, permission) -> {
                if (!operation.equals("GET /api/v1/openapi.json")) {
                    assertThat(served.put(operation, permission)).as(operation + " documented twice").isNull();
                }
            });
        }
        Map<String, String> documented = operations(whole);
        documented.remove("GET /api/v1/openapi.json");
        assertThat(served).isEqualTo(documented);
    }

    @Test
    void theDocumentIsOnlyRead() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(Topology.proxy().resolve("/api/v1/openapi.json"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static JsonNode document(URI base) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(base + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(answer.body());
    }

    /** "METHOD path" to its permission ("" when public). */
    private static Map<String, String> operations(JsonNode document) {
        Map<String, String> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        operation.getValue().path("x-keyledger-permission").asText(""))));
        return operations;
    }
}
