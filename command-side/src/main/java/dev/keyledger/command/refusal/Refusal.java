package dev.keyledger.command.refusal;

/**
 * A command that the domain refuses. Each subtype stands for one answer of the admin API; {@code reason} is a stable
 * slug that names the broken rule (it becomes the problem type), {@code message} explains it to a person.
 */
public abstract sealed class Refusal extends RuntimeException permits Conflict, NotFound, StaleVersion {

    private final String reason;

    protected Refusal(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
