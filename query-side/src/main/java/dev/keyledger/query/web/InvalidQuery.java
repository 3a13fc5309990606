package dev.keyledger.query.web;

import java.util.List;

/** A request with invalid query parameters or body fields: 400, naming each one at fault. */
class InvalidQuery extends RuntimeException {

    private final List<ParamError> errors;

    InvalidQuery(List<ParamError> errors) {
        this("the request has invalid query parameters", errors);
    }

    InvalidQuery(String detail, List<ParamError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<ParamError> errors() {
        return errors;
    }
}
