package dev.keyledger.command.web;

/** One invalid field of a request, as problem+json lists it under {@code errors}. */
public record FieldError(String field, String message) {
}
