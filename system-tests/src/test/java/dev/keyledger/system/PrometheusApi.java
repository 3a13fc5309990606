package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A real Prometheus's HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/), read as JSON. */
final class PrometheusApi {

    static final Set<String> KEYLEDGER_JOBS = Set.of("command-side", "query-side", "token-endpoint");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    PrometheusApi(URI base) {
        this.base = base;
    }

    /** The active scrape targets of Keyledger's jobs. */
    List<JsonNode> keyledgerTargets() {
        List<JsonNode> targets = new ArrayList<>();
        get("/api/v1/targets?state=active").path("activeTargets").forEach(target -> {
            if (KEYLEDGER_JOBS.contains(target.path("labels").path("job").asText())) {
                targets.add(target);
            }
        });
        return targets;
    }

    /** The rule groups as Prometheus loaded them, each rule with its health, last error and last evaluation. */
    JsonNode ruleGroups() {
        return get("/api/v1/rules").path("groups");
    }

    /** An instant query's result: a list of {metric, value: [time, "number"]}. */
    JsonNode query(String promQl) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)).path("result");
    }

    /** The single number an instant query answers, 0 when it answers no series. */
    double scalar(String promQl) {
        JsonNode result = query(promQl);
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = KeyledgerApi.JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.path("status").asText().equals("success")) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": " + answer);
            }
            return answer.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
