package dev.keyledger.command.dispatch;

import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.StaleVersion;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/** The {@code outcome} label of {@code keyledger_commands_total}: a closed set, one per kind of answer. */
enum CommandOutcome {

    ACCEPTED("accepted"),
    CONFLICT("conflict"),
    NOT_FOUND("not_found"),
    STALE_VERSION("stale_version"),
    FAILED("failed");

    private final String label;

    CommandOutcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A refusal of the domain by its kind; a concurrent write to the same aggregate is a conflict, as the API says. */
    static CommandOutcome of(Throwable failure) {
        if (failure instanceof Conflict || failure instanceof ConcurrencyException
                || failure instanceof AggregateStreamCreationException) {
            return CONFLICT;
        }
        if (failure instanceof NotFound || failure instanceof AggregateNotFoundException) {
            return NOT_FOUND;
        }
        return failure instanceof StaleVersion ? STALE_VERSION : FAILED;
    }
}
