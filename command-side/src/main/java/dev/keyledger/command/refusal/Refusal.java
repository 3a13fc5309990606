package dev.keyledger.command.refusal;

import java.util.Map;

/**
 * A command that the domain refuses. Each subtype stands for one answer of the admin API; {@code reason} is a stable
 * slug that names the broken rule (it becomes the problem type), {@code message} explains it to a person.
 */
public abstract sealed class Refusal extends RuntimeException permits Conflict, NotFound, StaleVersion {

    private final String reason;
    private final Map<String, Object> details;

    protected Refusal(String reason, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    public String reason() {
        return reason;
    }

    /** Facts the caller needs to act on the refusal, such as when a secret was last used. */
    public Map<String, Object> details() {
        return details;
    }
}
