package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus that scripts/topology starts (Debian's, with deploy/prometheus/alerts.yml) sees the topology as an
 * operator's would, checked through Prometheus's own HTTP API: every node scraped on its management port, every
 * alert rule loaded and evaluated without error, and real token requests counted.
 */
@ExtendWith(Topology.class)
class PrometheusScrapeTest {

    private static final Duration SCRAPES = Duration.ofSeconds(60);
    private static final Map<String, String> JOB_OF_NODE = Map.of("command", "command-side",
            "query-1", "query-side", "query-2", "query-side", "token-1", "token-endpoint", "token-2", "token-endpoint");

    private static PrometheusApi prometheus;

    @BeforeAll
    static void prometheus() {
        URI url = Topology.prometheus().orElse(null);
        Assumptions.assumeTrue(url != null, "the topology runs without Prometheus (apt-get install prometheus)");
        prometheus = new PrometheusApi(url);
    }

    @Test
    void everyNodeIsScrapedOnItsManagementPortAndUp() {
        List<JsonNode> targets = Eventually.get(SCRAPES, prometheus::keyledgerTargets,
                found -> found.size() == JOB_OF_NODE.size()
                        && found.stream().allMatch(target -> target.path("health").asText().equals("up")),
                "every Keyledger node an up target");

        Map<String, String> jobs = new TreeMap<>();
        Map<String, URI> scraped = new TreeMap<>();
        for (JsonNode target : targets) {
            String node = target.path("labels").path("node").asText();
            jobs.put(node, target.path("labels").path("job").asText());
            scraped.put(node, URI.create(target.path("scrapeUrl").asText()));
            assertThat(target.path("lastError").asText()).as(node).isEmpty();
        }
        assertThat(jobs).isEqualTo(new TreeMap<>(JOB_OF_NODE));
        Topology.managementNodes().forEach((node, management) ->
                assertThat(scraped.get(node)).as(node).isEqualTo(management.resolve("/actuator/prometheus")));
    }

    @Test
    void everyAlertRuleIsLoadedAndEvaluatesWithoutError() {
        Set<String> expected = MonitoringFiles.alertRules().stream().map(AlertRule::name)
                .collect(Collectors.toCollection(TreeSet::new));

        List<JsonNode> rules = Eventually.get(SCRAPES, PrometheusScrapeTest::loadedRules,
                loaded -> loaded.size() == expected.size() && loaded.stream().allMatch(PrometheusScrapeTest::evaluated),
                "every alert rule evaluated");

        Set<String> loaded = rules.stream().map(rule -> rule.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(loaded).isEqualTo(expected);
        assertThat(rules).allSatisfy(rule -> {
            String name = rule.path("name").asText();
            assertThat(rule.path("type").asText()).as(name).isEqualTo("alerting");
            assertThat(rule.path("health").asText()).as(name).isEqualTo("ok");
            assertThat(rule.path("lastError").asText()).as(name).isEmpty();
        });
        Set<String> groups = MonitoringFiles.alertRules().stream().map(AlertRule::group)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(groupNames(prometheus.ruleGroups())).isEqualTo(groups);
    }

    @Test
    void tokenRequestsThroughTheProxyAreCountedByOutcome() {
        KeyledgerApi.Answer machine = registeredMachine("prometheus-counted");
        String clientId = machine.text("clientId");
        // Once the counts include the requests made while waiting for the client to be known.
        Map<String, Double> before = settledCounts();
        double issuedBefore = before.get("issued");
        double refusedBefore = before.get("invalid_client");

        for (int i = 0; i < 5; i++) {
            KeyledgerApi.token(Topology.proxy(), clientId, machine.text("clientSecret")).expect(200);
        }
        for (int i = 0; i < 3; i++) {
            KeyledgerApi.token(Topology.proxy(), clientId, "kls_not-its-secret").expect(401);
        }

        Eventually.get(SCRAPES, () -> prometheus.scalar(tokenRequests("issued")) - issuedBefore,
                issued -> issued >= 5, "5 more issued tokens counted");
        Eventually.get(SCRAPES, () -> prometheus.scalar(tokenRequests("invalid_client")) - refusedBefore,
                refused -> refused >= 3, "3 more invalid_client refusals counted");
        JsonNode series = prometheus.query("{__name__=~\"keyledger_.+\"}");
        assertThat(series).isNotEmpty().allSatisfy(sample -> assertThat(sample.path("metric").toString())
                .as("no label names the client").doesNotContain(clientId));
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsReadHasSeries() {
        registeredMachine("prometheus-dashboard");
        Set<String> read = Stream.concat(
                        MonitoringFiles.alertRules().stream().map(AlertRule::expression),
                        MonitoringFiles.dashboardQueries().stream())
                .flatMap(query -> PromQl.metricNames(query).stream())
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> missing = Eventually.get(SCRAPES, () -> withoutSeries(read), List::isEmpty,
                "a series of every metric the dashboard and the alerts read");

        assertThat(missing).isEmpty();
    }

    /**
     * A new client, once both token-endpoint nodes know it (its first token through the proxy is issued). The
     * admin call is repeated while the admin access check finds no token endpoint answering (a loaded machine).
     */
    private static KeyledgerApi.Answer registeredMachine(String name) {
        KeyledgerApi.Answer machine = Eventually.get(SCRAPES,
                () -> KeyledgerApi.admin().post("/api/v1/clients", Map.of("name", name)),
                answer -> answer.status() != 503, "the admin API answering").expect(201);
        for (URI node : Topology.tokenNodes()) {
            Eventually.get(SCRAPES, () -> KeyledgerApi.token(node, machine.text("clientId"),
                    machine.text("clientSecret")).status(), status -> status == 200, "a token for " + name);
        }
        return machine;
    }

    /** Issued and invalid_client counts, once two scrapes in a row agree (every node scraped since the last request). */
    private static Map<String, Double> settledCounts() {
        Map<String, Double> previous = Map.of();
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<String, Double> counts = Map.of("issued", prometheus.scalar(tokenRequests("issued")),
                    "invalid_client", prometheus.scalar(tokenRequests("invalid_client")));
            if (counts.equals(previous)) {
                return counts;
            }
            previous = counts;
            Eventually.sleep(3_000);
        }
        throw new AssertionError("token request counts still changing: " + previous);
    }

    private static String tokenRequests(String outcome) {
        return "sum(keyledger_token_requests_total{outcome=\"" + outcome + "\"})";
    }

    private static List<String> withoutSeries(Set<String> metrics) {
        List<String> missing = new ArrayList<>();
        for (String metric : metrics) {
            if (prometheus.query("count({__name__=\"" + metric + "\"})").isEmpty()) {
                missing.add(metric);
            }
        }
        return missing;
    }

    private static List<JsonNode> loadedRules() {
        List<JsonNode> rules = new ArrayList<>();
        prometheus.ruleGroups().forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Prometheus reports a rule it has not evaluated yet with the zero time (0001-01-01T00:00:00Z). */
    private static boolean evaluated(JsonNode rule) {
        return !rule.path("lastEvaluation").asText("0001").startsWith("0001");
    }

    private static Set<String> groupNames(JsonNode groups) {
        Set<String> names = new TreeSet<>();
        groups.forEach(group -> names.add(group.path("name").asText()));
        return names;
    }
}
