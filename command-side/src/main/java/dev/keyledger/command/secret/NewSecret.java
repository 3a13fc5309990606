package dev.keyledger.command.secret;

import dev.keyledger.kernel.secret.HashedSecret;

/**
 * A freshly generated secret: the plaintext goes to the caller once, the hashed form into the event.
 * {@link #toString()} hides the plaintext so that it cannot reach a log by accident.
 */
public record NewSecret(String plaintext, HashedSecret hashed) {

    @Override
    public String toString() {
        return "NewSecret[" + hashed.secretId() + ", plaintext redacted]";
    }
}
