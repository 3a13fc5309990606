package dev.keyledger.command.refusal;

import java.util.Map;

/** The command names something that does not exist (a secret of the client, a role): 404. */
public final class NotFound extends Refusal {

    public NotFound(String reason, String message) {
        super(reason, message, Map.of());
    }
}
