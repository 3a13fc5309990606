package dev.keyledger.query.web;

/** The read model has not reached the version a {@code minVersion} read asked for in time: 503, retry later. */
class NotCaughtUp extends RuntimeException {

    NotCaughtUp(String detail) {
        super(detail, null, false, false);
    }
}
