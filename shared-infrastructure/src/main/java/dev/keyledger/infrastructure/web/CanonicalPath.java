package dev.keyledger.infrastructure.web;

/**
 * The spelling rule of every request path (API.md: authorization does not depend on how a path is spelled). Tomcat and
 * Spring MVC route many spellings of one path to the same handler: they strip path parameters ({@code ;x}), decode
 * escapes, merge repeated slashes and resolve dot segments. Keyledger refuses every such spelling instead, so that
 * what was checked and what is served can never differ, and a proxy in front cannot be led to route it elsewhere.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why the raw (undecoded) path is not canonical, or {@code null} when it is. */
    public static String violation(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "the path must start with '/'";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return "path parameters (';') are not accepted";
            }
            if (c == '\\') {
                return "a backslash is not accepted in a path";
            }
            if (c == '/' && i + 1 < rawPath.length() && rawPath.charAt(i + 1) == '/') {
                return "repeated slashes are not accepted";
            }
            if (c == '%') {
                String escape = escapeViolation(rawPath, i);
                if (escape != null) {
                    return escape;
                }
            }
            if (c < 0x21 || c > 0x7e) {
                return "the path must be ASCII without spaces or control characters";
            }
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "dot segments ('.', '..') are not accepted";
            }
        }
        return null;
    }

    private static String escapeViolation(String path, int at) {
        if (at + 2 >= path.length() || Character.digit(path.charAt(at + 1), 16) < 0
                || Character.digit(path.charAt(at + 2), 16) < 0) {
            return "a malformed percent-escape";
        }
        char decoded = (char) Integer.parseInt(path.substring(at + 1, at + 3), 16);
        if (isUnreserved(decoded)) {
            return "an escaped unreserved character (RFC 3986 §2.3) must be written as itself";
        }
        if (decoded == '/' || decoded == '\\' || decoded == '%' || decoded == ';' || decoded < 0x20 || decoded == 0x7f) {
            return "an escaped slash, backslash, percent sign, semicolon or control character is not accepted";
        }
        return null;
    }

    private static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
