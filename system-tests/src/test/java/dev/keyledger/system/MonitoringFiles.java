package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The monitoring files of the repository as data: docker-compose.yml, deploy/prometheus and deploy/grafana. */
final class MonitoringFiles {

    static final String ALERTS = "deploy/prometheus/alerts.yml";
    static final String ALERT_TESTS = "deploy/prometheus/alerts-test.yml";
    static final String PROMETHEUS_CONFIG = "deploy/prometheus/prometheus.yml";
    static final String DASHBOARD = "deploy/grafana/dashboards/keyledger.json";
    static final String GRAFANA_DATASOURCE = "deploy/grafana/provisioning/datasources/prometheus.yml";
    static final String COMPOSE = "docker-compose.yml";

    private MonitoringFiles() {
    }

    /** A YAML file as maps and lists; merge keys ({@code <<: *anchor}) are resolved as compose resolves them. */
    static Map<String, Object> yaml(String relativePath) {
        try (Reader reader = Files.newBufferedReader(Topology.repositoryFile(relativePath))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard() {
        try {
            return KeyledgerApi.JSON.readTree(Topology.repositoryFile(DASHBOARD).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<AlertRule> alertRules() {
        List<AlertRule> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.add(new AlertRule((String) group.get("name"), (String) rule.get("alert"),
                        (String) rule.get("expr"), (String) rule.get("for"),
                        (Map<String, String>) rule.getOrDefault("labels", Map.of()),
                        (Map<String, String>) rule.getOrDefault("annotations", Map.of())));
            }
        }
        return rules;
    }

    /** Every query of the dashboard: its panels' (and rows' panels') targets and its template variables. */
    static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.path("panels")) {
            collectTargets(panel, queries);
            panel.path("panels").forEach(nested -> collectTargets(nested, queries));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String query = variable.path("query").path("query").asText();
            queries.add(query.replaceFirst("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
        }
        return queries;
    }

    private static void collectTargets(JsonNode panel, List<String> queries) {
        panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
    }
}
