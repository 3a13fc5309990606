package dev.keyledger.kernel.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A client's display name: 1-{@value #MAX_LENGTH} characters, not blank, on one line. The messages are phrased for
 * the field they end up under in a 400 (API.md §2), and the rules run in the order the admin API always applied them.
 */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 200;

    public ClientName {
        Objects.requireNonNull(value, "client name");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        if (TextRules.hasControlCharacterBesidesLineBreaks(value)) {
            throw new IllegalArgumentException(TextRules.NO_CONTROL_CHARACTERS);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(TextRules.NO_CONTROL_CHARACTERS);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientName of(String value) {
        return new ClientName(value);
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
