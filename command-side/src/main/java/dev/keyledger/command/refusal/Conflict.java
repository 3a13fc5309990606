package dev.keyledger.command.refusal;

/** The command contradicts the aggregate's current state (a secondary exists, the client is deleted, ...): 409. */
public final class Conflict extends Refusal {

    public Conflict(String reason, String message) {
        super(reason, message);
    }
}
