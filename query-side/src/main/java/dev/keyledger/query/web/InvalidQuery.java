package dev.keyledger.query.web;

import java.util.List;

/** A read request with invalid query parameters: 400, naming each parameter at fault. */
class InvalidQuery extends RuntimeException {

    private final List<ParamError> errors;

    InvalidQuery(List<ParamError> errors) {
        super("the request has invalid query parameters", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<ParamError> errors() {
        return errors;
    }
}
