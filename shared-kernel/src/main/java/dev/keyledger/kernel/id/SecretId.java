package dev.keyledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keyledger.kernel.random.RandomTokens;

import java.util.Objects;

/** Names one secret of a client, so that it can be promoted, deleted and audited without revealing it. */
public record SecretId(String value) {

    public SecretId {
        Objects.requireNonNull(value, "secret id");
        if (!IdSyntax.base64Url(value, 1, 64)) {
            throw new IllegalArgumentException("a secret id is 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SecretId of(String value) {
        return new SecretId(value);
    }

    public static SecretId generate() {
        return new SecretId(RandomTokens.urlSafe(12));
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
