package dev.keyledger.command.idempotency;

/** The Idempotency-Key was used before with another request body: 422. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("this Idempotency-Key was used with a different request body", null, false, false);
    }
}
