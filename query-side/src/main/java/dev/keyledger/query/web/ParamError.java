package dev.keyledger.query.web;

/** One invalid query parameter, as problem+json lists it under {@code errors}. */
public record ParamError(String field, String message) {
}
