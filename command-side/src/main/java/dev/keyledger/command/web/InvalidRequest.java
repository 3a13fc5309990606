package dev.keyledger.command.web;

import java.util.List;

/** A request the admin API rejects as it is, before any command is sent: 400 with the fields at fault. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
