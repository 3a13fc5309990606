package dev.keyledger.kernel.client;

/** The rule on control characters that every free text of a client shares. */
final class TextRules {

    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private TextRules() {
    }

    /** Control characters other than line feed, carriage return and tab, which multi-line text may hold. */
    static boolean hasControlCharacterBesidesLineBreaks(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
