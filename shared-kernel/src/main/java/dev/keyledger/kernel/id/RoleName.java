package dev.keyledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A role's name, which is also the role aggregate's identifier (a re-created role continues the same stream). */
public record RoleName(String value) implements Comparable<RoleName> {

    public static final String RULE = "a role name matches [a-z0-9][a-z0-9._-]{0,63}";

    public RoleName {
        Objects.requireNonNull(value, "role name");
        if (!IdSyntax.lowerName(value, 64)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RoleName of(String value) {
        return new RoleName(value);
    }

    public static boolean isValid(String value) {
        return value != null && IdSyntax.lowerName(value, 64);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(RoleName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
