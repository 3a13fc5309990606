package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring an operator deploys (deploy/prometheus, deploy/grafana, docker-compose.yml's monitoring profile) is
 * valid for Prometheus itself, alerts on what it should, and reads only metrics the services publish. Needs no
 * running topology; {@link PrometheusScrapeTest} loads the same rules into a real Prometheus.
 */
class MonitoringConfigTest {

    private static final Set<String> KEYLEDGER_SERVICES = Set.of("command-side", "query-side", "token-endpoint");
    private static final String MANAGEMENT_PORT = "9090";

    @Test
    void promtoolAcceptsTheScrapeConfigAndTheAlertRules() {
        Promtool.Result config = Promtool.run("check", "config", MonitoringFiles.PROMETHEUS_CONFIG);
        Promtool.Result rules = Promtool.run("check", "rules", MonitoringFiles.ALERTS);

        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains(MonitoringFiles.alertRules().size() + " rules found");
    }

    @Test
    void everyAlertFiresOnItsSickSeriesAndNotOnAHealthyOne() {
        Promtool.Result tests = Promtool.run("test", "rules", MonitoringFiles.ALERT_TESTS);

        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
        Map<String, Object> unitTests = MonitoringFiles.yaml(MonitoringFiles.ALERT_TESTS);
        assertThat(unitTests.toString()).as("every alert has a unit test that expects it to fire")
                .contains(MonitoringFiles.alertRules().stream().map(rule -> "alertname=" + rule.name()).toList());
    }

    @Test
    void everyAlertWaitsHasASeverityAndSaysWhatHappened() {
        List<AlertRule> rules = MonitoringFiles.alertRules();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.pendingFor()).as(rule.name() + " for:").matches("\\d+[smh]");
            assertThat(rule.labels()).as(rule.name() + " labels").containsKey("severity");
            assertThat(rule.labels().get("severity")).as(rule.name()).isIn("critical", "warning");
            assertThat(rule.annotations()).as(rule.name() + " annotations").containsKeys("summary", "description");
        });
    }

    @Test
    void theAlertsCoverTokenErrorsLatencyDropsStalenessAndEveryLag() {
        Set<String> read = rulesMetrics();

        assertThat(read).contains("keyledger_token_requests_total", "keyledger_token_request_seconds_bucket",
                "keyledger_issuance_log_dropped_total", "keyledger_auth_view_staleness_seconds",
                "keyledger_projection_lag_seconds", "keyledger_projection_lag_events",
                "keyledger_audit_chain_unlinked_events", "keyledger_kafka_publish_lag_events",
                "keyledger_kafka_publish_failures_total");
    }

    @Test
    void theDashboardAndTheAlertsReadOnlyPublishedMetrics() {
        Set<String> read = new TreeSet<>(rulesMetrics());
        read.addAll(dashboardMetrics());

        assertThat(read).isNotEmpty().allSatisfy(metric ->
                assertThat(PublishedMetrics.isPublished(metric)).as(metric + " is a published metric").isTrue());
    }

    @Test
    void everyDashboardPanelUsesTheProvisionedDatasource() {
        @SuppressWarnings("unchecked")
        Map<String, Object> datasource = ((List<Map<String, Object>>) MonitoringFiles
                .yaml(MonitoringFiles.GRAFANA_DATASOURCE).get("datasources")).get(0);
        List<JsonNode> panels = new ArrayList<>();
        MonitoringFiles.dashboard().path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
        });

        assertThat(datasource).containsEntry("url", "http://prometheus:" + MANAGEMENT_PORT);
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(datasource.get("uid"));
            assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("targets")).isNotEmpty().allSatisfy(target ->
                    assertThat(target.path("datasource").path("uid").asText()).isEqualTo(datasource.get("uid")));
        });
    }

    @Test
    void composeScrapesEveryServiceOnItsManagementPortOnlyOverTheInternalMonitoringNetwork() {
        Map<String, Map<String, Object>> services = composeServices();
        Map<String, Object> networks = section(MonitoringFiles.yaml(MonitoringFiles.COMPOSE), "networks");

        assertThat(section(networks, "monitoring")).containsEntry("internal", true);
        for (String name : KEYLEDGER_SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat(section(service, "environment")).as(name)
                    .containsEntry("MANAGEMENT_SERVER_PORT", MANAGEMENT_PORT);
            assertThat(service).as(name + " publishes no port on the host").doesNotContainKey("ports");
            assertThat(service.get("expose")).as(name).isEqualTo(List.of(MANAGEMENT_PORT));
            assertThat(service.get("networks")).as(name).isEqualTo(List.of("default", "monitoring"));
        }
        assertThat(services.get("prometheus").get("networks")).asList().contains("monitoring");
        assertThat(services.get("grafana").get("networks")).asList().doesNotContain("monitoring", "default");
        assertThat(scrapedServices()).isEqualTo(KEYLEDGER_SERVICES);
    }

    @Test
    void prometheusAndGrafanaRunOnlyInTheMonitoringProfile() {
        Map<String, Map<String, Object>> services = composeServices();

        assertThat(services.get("prometheus").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(services.get("grafana").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(services.get("prometheus").get("volumes")).asList().contains("./deploy/prometheus:/etc/prometheus:ro");
        assertThat(services.get("grafana").get("volumes")).asList()
                .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(services).allSatisfy((name, service) -> {
            if (!name.equals("prometheus") && !name.equals("grafana")) {
                assertThat(service).as(name + " runs without a profile").doesNotContainKey("profiles");
            }
        });
    }

    /** The compose services each scrape job finds by DNS, on the management port. */
    @SuppressWarnings("unchecked")
    private static Set<String> scrapedServices() {
        Set<String> scraped = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) MonitoringFiles
                .yaml(MonitoringFiles.PROMETHEUS_CONFIG).get("scrape_configs")) {
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            for (Map<String, Object> discovery : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
                assertThat(discovery.get("port")).isEqualTo(Integer.parseInt(MANAGEMENT_PORT));
                assertThat(discovery.get("names")).isEqualTo(List.of(job.get("job_name")));
                scraped.addAll((List<String>) discovery.get("names"));
            }
        }
        return scraped;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) section(
                MonitoringFiles.yaml(MonitoringFiles.COMPOSE), "services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Set<String> rulesMetrics() {
        return MonitoringFiles.alertRules().stream().flatMap(rule -> PromQl.metricNames(rule.expression()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> dashboardMetrics() {
        return MonitoringFiles.dashboardQueries().stream().flatMap(query -> PromQl.metricNames(query).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
