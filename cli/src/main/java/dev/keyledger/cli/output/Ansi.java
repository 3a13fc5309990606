package dev.keyledger.cli.output;

/** The few terminal colours used, only ever when a person is watching and has not set {@code NO_COLOR}. */
final class Ansi {

    private Ansi() {
    }

    static String bold(String text) {
        return "\u001b[1m" + text + "\u001b[0m";
    }

    static String yellow(String text) {
        return "\u001b[33m" + text + "\u001b[0m";
    }
}
