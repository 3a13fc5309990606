package dev.keyledger.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reached the topic compared with what the store holds: events lost, events delivered more than once, and
 * aggregates whose events arrived out of order (judged by each event's first delivery, since a redelivered batch
 * repeats events a consumer has already seen and dedupes by id).
 */
record Delivery(int expected, List<String> missing, int duplicates, List<String> outOfOrder) {

    static Delivery of(List<AuditFeed.Entry> stored, List<PublishedEvent> published) {
        Map<String, AuditFeed.Entry> byId = new HashMap<>();
        stored.forEach(entry -> byId.put(entry.eventId(), entry));
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        Map<String, Long> lastSequence = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        for (PublishedEvent event : published) {
            AuditFeed.Entry entry = byId.get(event.id());
            if (entry == null) {
                continue;
            }
            if (!seen.add(event.id())) {
                duplicates++;
                continue;
            }
            Long previous = lastSequence.put(entry.aggregateId(), entry.sequence());
            if (previous != null && previous >= entry.sequence()) {
                outOfOrder.add(entry.aggregateId() + ": sequence " + entry.sequence() + " after " + previous);
            }
        }
        List<String> missing = stored.stream().map(AuditFeed.Entry::eventId).filter(id -> !seen.contains(id)).toList();
        return new Delivery(stored.size(), missing, duplicates, outOfOrder);
    }

    @Override
    public String toString() {
        return expected + " events appended, " + missing.size() + " missing, " + duplicates + " delivered twice, "
                + outOfOrder.size() + " out of per-aggregate order";
    }
}
