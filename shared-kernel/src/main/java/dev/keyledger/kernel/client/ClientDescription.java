package dev.keyledger.kernel.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A client's free-text description: at most {@value #MAX_LENGTH} characters, line breaks and tabs allowed, no other
 * control character. The empty description ({@link #NONE}) is how a description is cleared.
 */
public record ClientDescription(String value) {

    public static final int MAX_LENGTH = 2000;
    public static final ClientDescription NONE = new ClientDescription("");

    public ClientDescription {
        Objects.requireNonNull(value, "client description");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if (TextRules.hasControlCharacterBesidesLineBreaks(value)) {
            throw new IllegalArgumentException(TextRules.NO_CONTROL_CHARACTERS);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientDescription of(String value) {
        return new ClientDescription(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
