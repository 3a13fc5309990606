package dev.keyledger.system;

import java.util.Map;

/** One alerting rule of deploy/prometheus/alerts.yml as written there. */
record AlertRule(String group, String name, String expression, String pendingFor, Map<String, String> labels,
                 Map<String, String> annotations) {
}
