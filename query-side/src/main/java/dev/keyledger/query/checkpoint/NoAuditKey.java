package dev.keyledger.query.checkpoint;

/** No audit key is active yet: the command side makes the first one when it starts. */
public class NoAuditKey extends RuntimeException {

    NoAuditKey() {
        super("no audit key is active yet; the command side publishes the first one when it starts");
    }
}
