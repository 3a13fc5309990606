package dev.keyledger.token.web;

import dev.keyledger.kernel.id.ClientId;

/**
 * Presented client ids are attacker-controlled, up to the whole 64 KiB body. One that no client can have
 * ({@link ClientId#isValid}) is never counted under its own name or logged, and the authenticator never looks it up
 * (docs/DECISIONS.md 59).
 */
final class ClientIds {

    private ClientIds() {
    }

    /**
     * The id the throttle counts failures under: the presented one when a client could have it; otherwise the same
     * empty id as a request without authentication, so that no number of distinct impossible ids adds a counter.
     */
    static String counted(String presented) {
        return ClientId.isValid(presented) ? presented : "";
    }

    static String loggable(String presented) {
        return ClientId.isValid(presented) ? presented : null;
    }
}
