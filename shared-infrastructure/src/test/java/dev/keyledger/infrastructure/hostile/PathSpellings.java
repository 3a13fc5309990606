package dev.keyledger.infrastructure.hostile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Other spellings of one canonical path, as Tomcat and Spring MVC might route them to the same handler: path
 * parameters on any segment, escapes of unreserved characters and of '/', repeated slashes, dot segments (raw and
 * escaped), backslashes, double escapes, trailing slashes and changed case.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    public static List<String> of(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(path + ";x");
        spellings.add(path + ";jsessionid=1");
        spellings.add(path + "/");
        spellings.add(path + "/.");
        spellings.add(path + "%3bx");
        spellings.add(path + "%00");
        spellings.add(path.toUpperCase(Locale.ROOT));
        spellings.add(path.replace("/", "\\"));
        spellings.add("/" + path.substring(1).replace("/", "%2F"));
        spellings.add("/" + path.substring(1).replace("/", "%2f"));
        for (int i = 0; i < segments.length; i++) {
            spellings.add(join(segments, i, segments[i] + ";x"));
            spellings.add(join(segments, i, segments[i] + ";"));
            spellings.add(join(segments, i, escapeFirst(segments[i], false)));
            spellings.add(join(segments, i, escapeFirst(segments[i], true)));
            spellings.add(join(segments, i, "%25" + hex(segments[i].charAt(0)) + segments[i].substring(1)));
            spellings.add(join(segments, i, "/" + segments[i]));
            spellings.add(join(segments, i, "./" + segments[i]));
            spellings.add(join(segments, i, "x/../" + segments[i]));
            spellings.add(join(segments, i, "x/%2e%2e/" + segments[i]));
            spellings.add(join(segments, i, "%2e/" + segments[i]));
        }
        spellings.remove(path);
        return new ArrayList<>(spellings);
    }

    private static String join(String[] segments, int replaced, String replacement) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append('/').append(i == replaced ? replacement : segments[i]);
        }
        return path.toString();
    }

    private static String escapeFirst(String segment, boolean lowerCase) {
        String escape = "%" + hex(segment.charAt(0));
        return (lowerCase ? escape.toLowerCase(Locale.ROOT) : escape) + segment.substring(1);
    }

    private static String hex(char c) {
        return String.format("%02X", (int) c);
    }
}
