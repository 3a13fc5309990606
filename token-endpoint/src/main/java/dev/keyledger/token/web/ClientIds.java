package dev.keyledger.token.web;

import dev.keyledger.token.authentication.Authentication;

import java.util.regex.Pattern;

/**
 * Presented client ids are attacker-controlled, up to the whole 64 KiB body. One that no client can have (the kernel's
 * rule: 1-128 URL-safe characters) is never looked up, counted under its own name, or logged (docs/DECISIONS.md 59).
 */
final class ClientIds {

    private static final int MAX_LENGTH = 128;
    private static final Pattern POSSIBLE = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

    /** What authenticating an impossible id comes to, without looking it up: an unknown client. */
    static final Authentication IMPOSSIBLE = new Authentication(null, null, "malformed-client-id");

    private ClientIds() {
    }

    static boolean isPossible(String presented) {
        return presented != null && presented.length() <= MAX_LENGTH && POSSIBLE.matcher(presented).matches();
    }

    /**
     * The id the throttle counts failures under: the presented one when a client could have it; otherwise the same
     * empty id as a request without authentication, so that no number of distinct impossible ids adds a counter.
     */
    static String counted(String presented) {
        return isPossible(presented) ? presented : "";
    }

    static String loggable(String presented) {
        return isPossible(presented) ? presented : null;
    }
}
