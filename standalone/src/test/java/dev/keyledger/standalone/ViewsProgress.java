package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether the views' processor has caught up with the event store, as its status endpoint tells. */
final class ViewsProgress {

    private ViewsProgress() {
    }

    /** Every segment (all on this node) has passed the last stored event, and none is replaying. */
    static boolean caughtUp(RunningKeyledger keyledger) {
        Long head = keyledger.jdbc().sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        JsonNode status = keyledger.admin().send("GET", "/api/v1/projections/query-views", null).json();
        if (!status.get("running").asBoolean() || status.get("replaying").asBoolean()) {
            return false;
        }
        JsonNode segments = status.get("claimedSegments");
        if (segments.size() != 4) {
            return false;
        }
        for (JsonNode segment : segments) {
            if (head != null && (segment.get("position").isNull() || segment.get("position").asLong() < head)) {
                return false;
            }
        }
        return true;
    }

    static void await(RunningKeyledger keyledger) {
        while (!caughtUp(keyledger)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
