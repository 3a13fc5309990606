package dev.keyledger.kernel.id;

/**
 * The character rules of ids, names and hashes, checked without regular expressions: every event read back builds
 * its ids again, and a matcher per id was a measurable share of an audit export (docs/DECISIONS.md 118).
 */
public final class IdSyntax {

    private IdSyntax() {
    }

    /** {@code [A-Za-z0-9_-]{min,max}}: unpadded base64url. */
    public static boolean base64Url(String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!alphanumeric(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z0-9._~-]{min,max}}: URL-safe, RFC 3986's unreserved characters. */
    public static boolean unreserved(String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!alphanumeric(c) && c != '.' && c != '_' && c != '~' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z0-9][a-z0-9._-]{0,max-1}}: a lower-case name. */
    public static boolean lowerName(String value, int max) {
        if (value.isEmpty() || value.length() > max || !lowerOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!lowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(char c) {
        return lowerOrDigit(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
