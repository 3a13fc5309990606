package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.query.processing.QueryViews;

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
        int expected = segments(keyledger);
        if (expected == 0 || segments.size() != expected) {
            return false;
        }
        for (JsonNode segment : segments) {
            if (head != null && (segment.get("position").isNull() || segment.get("position").asLong() < head)) {
                return false;
            }
        }
        return true;
    }

    /** How many segments the views' processor has (one on the embedded PostgreSQL, docs/DECISIONS.md 144). */
    static int segments(RunningKeyledger keyledger) {
        return keyledger.jdbc().sql("SELECT count(*) FROM tokenentry WHERE processorname = ?")
                .param(QueryViews.PROCESSING_GROUP).query(Integer.class).single();
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
