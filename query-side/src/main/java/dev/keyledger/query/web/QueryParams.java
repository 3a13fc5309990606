package dev.keyledger.query.web;

import dev.keyledger.query.paging.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of one read request, checked by hand so that every bad value becomes a 400 problem naming
 * its parameter. Unknown and repeated parameters are refused rather than silently ignored. Collect with the typed
 * getters, then call {@link #validate()}.
 */
final class QueryParams {

    private final Map<String, String[]> values;
    private final List<ParamError> errors = new ArrayList<>();

    private QueryParams(Map<String, String[]> values) {
        this.values = values;
    }

    static QueryParams of(HttpServletRequest request, Set<String> accepted) {
        QueryParams params = new QueryParams(request.getParameterMap());
        params.values.forEach((name, given) -> {
            if (!accepted.contains(name)) {
                params.errors.add(new ParamError(name, "is not a parameter of this resource; accepted: "
                        + String.join(", ", accepted.stream().sorted().toList())));
            } else if (given.length > 1) {
                params.errors.add(new ParamError(name, "must be given at most once"));
            }
        });
        return params;
    }

    Optional<String> text(String name, int maxLength) {
        Optional<String> value = raw(name);
        if (value.isPresent() && (value.get().isEmpty() || value.get().length() > maxLength)) {
            return invalid(name, "must be 1-" + maxLength + " characters");
        }
        // PostgreSQL's text holds no NUL, and no name or id holds a control character: such a text can only fail.
        if (value.isPresent() && value.get().chars().anyMatch(Character::isISOControl)) {
            return invalid(name, "must not contain control characters");
        }
        return value;
    }

    Optional<Long> integer(String name, long min, long max) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(value.get());
            if (number < min || number > max) {
                return invalid(name, "must be an integer from " + min + " to " + max);
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            return invalid(name, "must be an integer from " + min + " to " + max);
        }
    }

    /** An RFC 3339 date-time with an offset, such as {@code 2026-11-29T10:15:30.123Z}. */
    Optional<Instant> instant(String name) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
        } catch (DateTimeParseException e) {
            return invalid(name, "must be an RFC 3339 date-time with an offset, such as 2026-11-29T10:15:30.123Z");
        }
    }

    /** A value that {@code parse} accepts (it throws IllegalArgumentException otherwise). */
    <T> Optional<T> parsed(String name, Function<String, T> parse, String rule) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value.get()));
        } catch (IllegalArgumentException e) {
            return invalid(name, rule);
        }
    }

    PageRequest page() {
        int page = integer("page", 0, Integer.MAX_VALUE / PageRequest.MAX_SIZE).orElse(0L).intValue();
        int size = integer("size", 1, PageRequest.MAX_SIZE).orElse((long) PageRequest.DEFAULT_SIZE).intValue();
        return new PageRequest(page, size);
    }

    void refuseTogether(String first, String second) {
        if (raw(first).isPresent() && raw(second).isPresent()) {
            errors.add(new ParamError(second, "cannot be combined with " + first));
        }
    }

    void refuseUnless(String name, boolean holds, String message) {
        if (!holds) {
            errors.add(new ParamError(name, message));
        }
    }

    void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidQuery(errors);
        }
    }

    private Optional<String> raw(String name) {
        String[] given = values.get(name);
        return given == null || given.length != 1 ? Optional.empty() : Optional.of(given[0]);
    }

    private <T> Optional<T> invalid(String name, String message) {
        errors.add(new ParamError(name, message));
        return Optional.empty();
    }
}
