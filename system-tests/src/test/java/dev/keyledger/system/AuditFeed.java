package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The global audit feed read page by page through the proxy: what the store holds, to compare Kafka with. */
final class AuditFeed {

    /** One event as the audit trail names it. */
    record Entry(String eventId, long globalPosition, String aggregateId, long sequence, String type) {
    }

    private AuditFeed() {
    }

    static List<Entry> all(KeyledgerApi api) {
        List<Entry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/audit/events?limit=500&after=" + after).expect(200).body();
            for (JsonNode item : page.path("items")) {
                entries.add(new Entry(item.path("eventId").asText(), item.path("globalPosition").asLong(),
                        item.path("aggregateId").asText(), item.path("sequence").asLong(), item.path("type").asText()));
            }
            if (page.path("next").isNull() || page.path("items").isEmpty()) {
                return entries;
            }
            after = page.path("next").asLong();
        }
    }
}
