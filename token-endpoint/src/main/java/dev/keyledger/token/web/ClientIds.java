package dev.keyledger.token.web;

import java.util.regex.Pattern;

/** Presented client ids are attacker-controlled: only a syntactically possible id is written to the log. */
final class ClientIds {

    private static final Pattern POSSIBLE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private ClientIds() {
    }

    static String loggable(String presented) {
        return presented != null && POSSIBLE.matcher(presented).matches() ? presented : null;
    }
}
