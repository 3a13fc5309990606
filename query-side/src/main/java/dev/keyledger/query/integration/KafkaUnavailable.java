package dev.keyledger.query.integration;

/** The broker did not acknowledge in time or refused: what was being published is published again later. */
public class KafkaUnavailable extends RuntimeException {

    KafkaUnavailable(String detail) {
        // No stack trace and no cause: Axon logs this on every retry during an outage; the detail says it all.
        super(detail, null, false, false);
    }
}
