package dev.keyledger.command.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions on the wire: {@code ETag: "<version>"} out, {@code If-Match: "<version>"} in. */
final class Versions {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header demands; {@code null} when absent or {@code *}. */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_VERSION_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequest("If-Match must be one strong entity tag holding a version, such as \"3\"",
                    List.of(new FieldError("If-Match", "must be a quoted version such as \"3\"")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
