package dev.keyledger.standalone;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes {@code /actuator/prometheus} over real HTTP after real token requests of every outcome, real commands
 * (accepted and refused) and real projection and Kafka work: every series issue 11 names is there with its labels
 * and a plausible value, and no label holds a client id, secret id, token or address of the test.
 */
// Not @KeyledgerService: it needs a broker of its own and a throttle low enough to reach.
class PrometheusMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final List<String> TOKEN_OUTCOMES = List.of("issued", "invalid_client", "invalid_request",
            "invalid_scope", "invalid_target", "unsupported_grant_type", "throttled", "server_error");

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dataDir;

    /** One sample of the exposition format. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void whenTokensCommandsAndProjectionsRan_thenEveryNamedSeriesIsScrapedWithItsLabelsAndNoIdentifier() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "keyledger.kafka.topic=metrics-" + UUID.randomUUID(),
                "keyledger.token.throttle.pair-failures=3",
                "keyledger.token.throttle.address-failures=1000000")) {
            // Spring MVC's per-request observation is not even in the chain (WebEdgeConfiguration): it cost tokens.
            assertThat(keyledger.bean(ServletContext.class).getFilterRegistrations().values())
                    .extracting(FilterRegistration::getClassName)
                    .isNotEmpty()
                    .noneMatch(name -> name.endsWith("ServerHttpObservationFilter"));
            AdminClient admin = keyledger.admin();
            admin.post("/api/v1/roles", "{\"name\":\"metrics-reader\",\"permissions\":[\"invoices:read\"]}");
            AdminClient.Answer client = admin.post("/api/v1/clients", """
                    {"name": "metrics", "roles": ["metrics-reader"],
                     "allowedAudiences": ["https://api.example.com"]}""");
            String clientId = client.text("clientId");
            String secret = client.text("clientSecret");
            String secretId = client.json().path("secrets").path(0).path("secretId").asText();
            assertThat(secretId).isNotEmpty();
            String token = keyledger.tokenFor(clientId, secret);
            // Counted from here: the bootstrap admin's and the client's first token came before.
            Map<String, List<Sample>> before = scrape(keyledger);

            AdminClient anonymous = keyledger.anonymous();
            String credentials = "client_id=" + clientId + "&client_secret=" + secret;
            anonymous.form("/oauth2/token", "grant_type=client_credentials&" + credentials);
            anonymous.form("/oauth2/token", credentials);
            anonymous.form("/oauth2/token", "grant_type=client_credentials&" + credentials + "&scope=payroll%3Aadmin");
            anonymous.form("/oauth2/token", "grant_type=client_credentials&" + credentials
                    + "&resource=https%3A%2F%2Felsewhere.example");
            anonymous.form("/oauth2/token", "grant_type=password&" + credentials);
            for (int i = 0; i < 4; i++) {
                anonymous.form("/oauth2/token", "grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=wrong-" + i);
            }
            String clientPath = "/api/v1/clients/" + clientId;
            AdminClient.Answer stale = admin.post(clientPath + "/disable", null, "If-Match", "\"999\"");
            AdminClient.Answer missing = admin.post("/api/v1/clients/no-such-" + UUID.randomUUID() + "/disable", null);

            Eventually.holds("issuance records written and the views and Kafka caught up", () -> {
                Map<String, List<Sample>> scraped = scrape(keyledger);
                return find(scraped, "keyledger_issuance_log_written_total", Map.of()) >= 11
                        && find(scraped, "keyledger_kafka_publish_lag_events", Map.of()) == 0
                        && find(scraped, "keyledger_projection_lag_events", Map.of("processor", "query-views")) == 0
                        && find(scraped, "keyledger_issuance_log_queue_records", Map.of()) == 0;
            });
            Map<String, List<Sample>> scraped = scrape(keyledger);

            assertThat(delta(before, scraped, "keyledger_token_requests_total", Map.of("outcome", "invalid_client")))
                    .isEqualTo(3);
            for (String outcome : List.of("issued", "invalid_request", "invalid_scope", "invalid_target",
                    "unsupported_grant_type", "throttled")) {
                assertThat(delta(before, scraped, "keyledger_token_requests_total", Map.of("outcome", outcome)))
                        .as(outcome).isEqualTo(1);
            }
            assertThat(value(scraped, "keyledger_token_requests_total", Map.of("outcome", "server_error"))).isZero();
            assertThat(labelValues(scraped, "keyledger_token_requests_total", "outcome"))
                    .containsExactlyInAnyOrderElementsOf(TOKEN_OUTCOMES);
            assertThat(delta(before, scraped, "keyledger_token_request_seconds_count", Map.of())).isEqualTo(9);
            assertThat(labelValues(scraped, "keyledger_token_request_seconds_bucket", "le"))
                    .contains("0.001", "0.01", "0.1", "+Inf");
            assertThat(value(scraped, "keyledger_token_request_seconds_bucket", Map.of("le", "+Inf")))
                    .isEqualTo(value(scraped, "keyledger_token_request_seconds_count", Map.of()));
            assertThat(delta(before, scraped, "keyledger_token_signing_seconds_count", Map.of())).isEqualTo(1);
            assertThat(value(scraped, "keyledger_token_signing_seconds_sum", Map.of())).isPositive();

            assertThat(value(scraped, "keyledger_issuance_log_queue_records", Map.of())).isZero();
            assertThat(value(scraped, "keyledger_issuance_log_dropped_total", Map.of())).isZero();
            assertThat(value(scraped, "keyledger_auth_view_staleness_seconds", Map.of())).isBetween(0.0, 5.0);

            assertThat(labelValues(scraped, "keyledger_projection_lag_events", "processor"))
                    .contains("query-views", "kafka-publisher");
            assertThat(labelValues(scraped, "keyledger_projection_lag_seconds", "processor"))
                    .contains("query-views", "kafka-publisher");
            assertThat(value(scraped, "keyledger_projection_lag_seconds", Map.of("processor", "query-views")))
                    .isZero();
            assertThat(value(scraped, "keyledger_audit_chain_unlinked_events", Map.of())).isBetween(0.0, 100.0);
            assertThat(value(scraped, "keyledger_kafka_publish_failures_total", Map.of())).isZero();

            assertThat(stale.status()).isEqualTo(412);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(value(scraped, "keyledger_commands_total",
                    Map.of("command", "RegisterClient", "outcome", "accepted")))
                    .as(scraped.get("keyledger_commands_total").toString()).isGreaterThanOrEqualTo(1);
            assertThat(value(scraped, "keyledger_commands_total",
                    Map.of("command", "DisableClient", "outcome", "stale_version")))
                    .as(scraped.get("keyledger_commands_total").toString()).isEqualTo(1);
            assertThat(value(scraped, "keyledger_commands_total",
                    Map.of("command", "DisableClient", "outcome", "not_found"))).isEqualTo(1);
            assertThat(value(scraped, "keyledger_command_seconds_count", Map.of("command", "RegisterClient")))
                    .isGreaterThanOrEqualTo(1);

            for (String standard : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "hikaricp_connections_active", "tomcat_sessions_active_current_sessions",
                    "process_cpu_usage", "process_uptime_seconds")) {
                assertThat(scraped).as(standard).containsKey(standard);
            }

            Set<String> secrets = Set.of(clientId, secretId, secret, token, "127.0.0.1", RunningKeyledger.ADMIN_ID);
            List<String> leaks = new ArrayList<>();
            scraped.values().stream().flatMap(List::stream).forEach(sample -> sample.labels().forEach(
                    (label, value) -> {
                        if (secrets.stream().anyMatch(value::contains)) {
                            leaks.add(sample.name() + " " + label + "=" + value);
                        }
                    }));
            assertThat(leaks).isEmpty();
        }
    }

    private static Map<String, List<Sample>> scrape(RunningKeyledger keyledger) {
        AdminClient.Answer answer = new AdminClient(keyledger.managementUri(), null)
                .send("GET", "/actuator/prometheus", null);
        assertThat(answer.status()).isEqualTo(200);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.computeIfAbsent(sample.group(1), name -> new ArrayList<>())
                    .add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    private static double delta(Map<String, List<Sample>> before, Map<String, List<Sample>> after, String name,
                                Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** As {@link #value}, but NaN while the series is missing (for waiting until it is there). */
    private static double find(Map<String, List<Sample>> scraped, String name, Map<String, String> labels) {
        List<Sample> matching = scraped.getOrDefault(name, List.of()).stream()
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        return matching.size() == 1 ? matching.get(0).value() : Double.NaN;
    }

    /** The one sample of that name whose labels include these; fails when there is none or several. */
    private static double value(Map<String, List<Sample>> scraped, String name, Map<String, String> labels) {
        List<Sample> matching = scraped.getOrDefault(name, List.of()).stream()
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        assertThat(matching).as(name + labels).hasSize(1);
        return matching.get(0).value();
    }

    private static Set<String> labelValues(Map<String, List<Sample>> scraped, String name, String label) {
        Set<String> values = new HashSet<>();
        scraped.getOrDefault(name, List.of()).forEach(sample -> values.add(sample.labels().get(label)));
        return values;
    }
}
