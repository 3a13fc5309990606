package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks records against API.md §3: the CloudEvents envelope, its agreement with the audit trail, and the schemas. */
final class CloudEvents {

    private static final Map<String, String> SOURCES = Map.of(
            "client", "/keyledger/clients", "role", "/keyledger/roles", "signing-key", "/keyledger/signing-keys",
            "audit-key", "/keyledger/audit-keys");

    private CloudEvents() {
    }

    /** Every record that the audit trail knows of, checked; answers how many. */
    static int assertValid(List<PublishedEvent> published, List<AuditFeed.Entry> stored) {
        Map<String, AuditFeed.Entry> byId = new HashMap<>();
        stored.forEach(entry -> byId.put(entry.eventId(), entry));
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (PublishedEvent event : published) {
            AuditFeed.Entry entry = byId.get(event.id());
            if (entry == null) {
                continue;
            }
            checked++;
            JsonNode cloudEvent = event.cloudEvent();
            String aggregateType = entry.type().substring(0, entry.type().indexOf('.'));
            expect(problems, event, "content-type header", event.contentType(), "application/cloudevents+json");
            expect(problems, event, "key", event.key(), entry.aggregateId());
            expect(problems, event, "specversion", cloudEvent.path("specversion").asText(), "1.0");
            expect(problems, event, "type", cloudEvent.path("type").asText(), "dev.keyledger." + entry.type() + ".v1");
            expect(problems, event, "source", cloudEvent.path("source").asText(), SOURCES.get(aggregateType));
            expect(problems, event, "subject", cloudEvent.path("subject").asText(), entry.aggregateId());
            expect(problems, event, "datacontenttype", cloudEvent.path("datacontenttype").asText(), "application/json");
            if (!cloudEvent.path("time").isTextual() || !cloudEvent.path("data").isObject()) {
                problems.add(event.id() + ": time or data missing");
            }
            problems.addAll(EventSchemas.violations(cloudEvent));
        }
        assertThat(problems).as("records that break API.md §3").isEmpty();
        return checked;
    }

    private static void expect(List<String> problems, PublishedEvent event, String what, String actual,
                               String expected) {
        if (!expected.equals(actual)) {
            problems.add(event.id() + ": " + what + " is " + actual + ", expected " + expected);
        }
    }
}
