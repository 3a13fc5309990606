package dev.keyledger.query.chain;

/** A stored row that no longer reads as an event: edited into something Axon cannot deserialize. */
class UnreadableEvent extends RuntimeException {

    UnreadableEvent(long position, Throwable cause) {
        super("the stored event at position " + position + " cannot be read", cause);
    }
}
