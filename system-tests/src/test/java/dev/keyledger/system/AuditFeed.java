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
        return after(api, 0);
    }

    /** The events after a global position: what a test appended, when it noted {@link #head} first. */
    static List<Entry> after(KeyledgerApi api, long position) {
        List<Entry> entries = new ArrayList<>();
        long after = position;
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

    /** The global position of the newest event. */
    static long head(KeyledgerApi api) {
        List<Entry> entries = all(api);
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).globalPosition();
    }
}
