package dev.keyledger.command.refusal;

import java.util.Map;

/** The command contradicts the aggregate's current state (a secondary exists, the client is deleted, ...): 409. */
public final class Conflict extends Refusal {

    public Conflict(String reason, String message) {
        super(reason, message, Map.of());
    }

    public Conflict(String reason, String message, Map<String, Object> details) {
        super(reason, message, details);
    }
}
