package dev.keyledger.kernel.permission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * One permission, which a token carries as an OAuth scope token (RFC 6749 §3.3: printable ASCII except space,
 * {@code "} and {@code \}), 1-128 characters, conventionally {@code resource:action}.
 */
public record Permission(String value) implements Comparable<Permission> {

    public static final String RULE = "a permission is 1-128 printable ASCII characters without space, '\"' or '\\'";

    public Permission {
        Objects.requireNonNull(value, "permission");
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Permission of(String value) {
        return new Permission(value);
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean scopeChar = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (!scopeChar) {
                return false;
            }
        }
        return true;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Permission other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
