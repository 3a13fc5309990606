package dev.keyledger.system;

import java.util.List;
import java.util.Set;

/**
 * The metrics a dashboard or an alert may be written against: Keyledger's own (issue 11's list, under their
 * Prometheus names) and the standard JVM, HikariCP, Tomcat and process families Spring Boot publishes.
 */
final class PublishedMetrics {

    private static final Set<String> KEYLEDGER = Set.of(
            "keyledger_token_requests_total",
            "keyledger_token_request_seconds",
            "keyledger_token_signing_seconds",
            "keyledger_issuance_log_queue_records",
            "keyledger_issuance_log_written_total",
            "keyledger_issuance_log_dropped_total",
            "keyledger_auth_view_staleness_seconds",
            "keyledger_projection_lag_events",
            "keyledger_projection_lag_seconds",
            "keyledger_audit_chain_unlinked_events",
            "keyledger_kafka_publish_lag_events",
            "keyledger_kafka_publish_failures_total",
            "keyledger_commands_total",
            "keyledger_command_seconds");
    /** The series a timer or histogram adds to its name. */
    private static final List<String> TIMER_SERIES = List.of("_bucket", "_count", "_sum", "_max");
    private static final List<String> STANDARD_FAMILIES = List.of("jvm_", "hikaricp_", "tomcat_", "process_");

    private PublishedMetrics() {
    }

    /** {@code up} is Prometheus's own: whether the last scrape of a target succeeded. */
    static boolean isPublished(String metric) {
        return metric.equals("up") || KEYLEDGER.contains(baseName(metric))
                || STANDARD_FAMILIES.stream().anyMatch(metric::startsWith);
    }

    static String baseName(String metric) {
        return TIMER_SERIES.stream().filter(metric::endsWith)
                .map(suffix -> metric.substring(0, metric.length() - suffix.length()))
                .filter(KEYLEDGER::contains).findFirst().orElse(metric);
    }
}
