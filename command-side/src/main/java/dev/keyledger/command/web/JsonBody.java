package dev.keyledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A strict reader of admin request bodies. Jackson's data binding coerces ("60" becomes 60) and ignores or merges
 * what it does not know; the contract wants every unknown field, wrong type and read-only field named in a 400.
 * So bodies are read as a tree, and each field is taken with its own rule; errors accumulate and are thrown at once.
 */
final class JsonBody {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final ObjectNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** Parses a body that must be a JSON object; an empty body reads as {@code {}} when {@code emptyAllowed}. */
    static JsonBody parse(byte[] body, boolean emptyAllowed) {
        if (body.length == 0 || isBlank(body)) {
            if (emptyAllowed) {
                return new JsonBody(STRICT.createObjectNode());
            }
            throw new InvalidRequest("the request body is empty: a JSON object is required", List.of());
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequest("the request body is not well-formed JSON: " + e.getOriginalMessage(), List.of());
        } catch (java.io.IOException e) {
            throw new InvalidRequest("the request body could not be read as JSON", List.of());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequest("the request body must be a JSON object", List.of());
        }
        return new JsonBody((ObjectNode) node);
    }

    /** Names every field that is read-only or unknown. Call before reading the fields. */
    JsonBody accept(Set<String> writable, Set<String> readOnly) {
        root.fieldNames().forEachRemaining(field -> {
            if (readOnly.contains(field)) {
                errors.add(new FieldError(field, "is read-only"));
            } else if (!writable.contains(field)) {
                errors.add(new FieldError(field, "is not a known field"));
            }
        });
        return this;
    }

    boolean has(String field) {
        return root.has(field);
    }

    boolean isNull(String field) {
        return root.has(field) && root.get(field).isNull();
    }

    Optional<String> text(String field, int maxLength, boolean required) {
        JsonNode node = present(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return reject(field, "must be a string");
        }
        String value = node.textValue();
        if (value.length() > maxLength) {
            return reject(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return reject(field, "must not contain control characters");
        }
        return Optional.of(value);
    }

    /**
     * A string field converted by {@code parse}, which throws {@link IllegalArgumentException} with the message to
     * name the field with (the kernel's value objects phrase theirs for this).
     */
    <T> Optional<T> value(String field, boolean required, Function<String, T> parse) {
        JsonNode node = present(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return reject(field, "must be a string");
        }
        try {
            return Optional.of(parse.apply(node.textValue()));
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    /** An integer field converted by {@code parse}, which throws {@link IllegalArgumentException} as above. */
    <T> Optional<T> integer(String field, LongFunction<T> parse) {
        JsonNode node = present(field, false);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber()) {
            return reject(field, "must be an integer");
        }
        // A number beyond a long is beyond every limit: the extreme of its sign is refused with the same message.
        long value = node.canConvertToLong() ? node.longValue()
                : node.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    Optional<Instant> futureInstant(String field, Instant now) {
        Optional<String> text = text(field, 64, false);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.get()).toInstant();
        } catch (DateTimeParseException e) {
            return reject(field, "must be an RFC 3339 date-time such as 2030-01-31T12:00:00Z");
        }
        if (!instant.isAfter(now)) {
            return reject(field, "must be in the future");
        }
        return Optional.of(instant);
    }

    /**
     * A JSON array of strings, each converted by {@code parse} (which throws {@link IllegalArgumentException} for a
     * bad element); duplicates collapse, order is kept.
     */
    <T> Optional<List<T>> list(String field, int maxItems, boolean required, Function<String, T> parse) {
        JsonNode node = present(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            return reject(field, "must be an array of strings");
        }
        if (node.size() > maxItems) {
            return reject(field, "must have at most " + maxItems + " items");
        }
        Set<T> items = new LinkedHashSet<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String path = field + "[" + i + "]";
            if (element.getNodeType() != JsonNodeType.STRING) {
                errors.add(new FieldError(path, "must be a string"));
                valid = false;
                continue;
            }
            try {
                items.add(parse.apply(element.textValue()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(path, e.getMessage()));
                valid = false;
            }
        }
        return valid ? Optional.of(List.copyOf(items)) : Optional.empty();
    }

    /** Throws {@link InvalidRequest} if any field was at fault. */
    /** A field that must be a JSON object, handed over as it is for a reader of its own (a JWK). */
    Optional<ObjectNode> object(String field, boolean required) {
        JsonNode node = present(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return reject(field, "must be a JSON object");
        }
        return Optional.of((ObjectNode) node);
    }

    /** Names a fault found by a caller that read a field with its own rules. */
    void reject(String field, Exception fault) {
        errors.add(new FieldError(field, fault.getMessage()));
    }

    void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest("the request has invalid fields", errors);
        }
    }

    private JsonNode present(String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        return node;
    }

    private <T> Optional<T> reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return Optional.empty();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
