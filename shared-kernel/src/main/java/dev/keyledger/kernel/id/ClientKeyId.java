package dev.keyledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keyledger.kernel.random.RandomTokens;

import java.util.Objects;

/** Names one public key of a client (for private_key_jwt), so that it can be removed and audited by a stable id. */
public record ClientKeyId(String value) {

    public ClientKeyId {
        Objects.requireNonNull(value, "key id");
        if (!IdSyntax.base64Url(value, 1, 64)) {
            throw new IllegalArgumentException("a key id is 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientKeyId of(String value) {
        return new ClientKeyId(value);
    }

    public static ClientKeyId generate() {
        return new ClientKeyId(RandomTokens.urlSafe(12));
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
