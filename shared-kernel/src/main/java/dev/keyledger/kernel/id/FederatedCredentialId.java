package dev.keyledger.kernel.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.keyledger.kernel.random.RandomTokens;

import java.util.Objects;

/** Names one federated credential (a trusted workload identity) of a client, for removal, audit and the log. */
public record FederatedCredentialId(String value) {

    public FederatedCredentialId {
        Objects.requireNonNull(value, "credential id");
        if (!IdSyntax.base64Url(value, 1, 64)) {
            throw new IllegalArgumentException("a credential id is 1-64 characters of A-Z a-z 0-9 _ -");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FederatedCredentialId of(String value) {
        return new FederatedCredentialId(value);
    }

    public static FederatedCredentialId generate() {
        return new FederatedCredentialId(RandomTokens.urlSafe(12));
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
