package dev.keyledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keyledger.kernel.random.RandomTokens;

import java.util.Objects;

/**
 * A client's identifier: opaque and URL-safe. Generated ids are unguessable (see {@link RandomTokens});
 * ids chosen by an operator (the bootstrap admin) only need to be URL-safe.
 */
public record ClientId(String value) {

    public ClientId {
        Objects.requireNonNull(value, "client id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a client id is 1-128 URL-safe characters (A-Z a-z 0-9 . _ ~ -)");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /** Whether a client could have this id: checked before anything else looks at an id a caller presents. */
    public static boolean isValid(String value) {
        return value != null && IdSyntax.unreserved(value, 1, 128);
    }

    public static ClientId generate() {
        return new ClientId(RandomTokens.urlSafe(16));
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
