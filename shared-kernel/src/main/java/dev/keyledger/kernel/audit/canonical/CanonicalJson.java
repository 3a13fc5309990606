package dev.keyledger.kernel.audit.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) canonical JSON of plain values: maps with string keys, collections, strings, booleans, null and
 * integers. Members are sorted by their names' UTF-16 code units, nothing is indented, strings are escaped as
 * ECMAScript's {@code JSON.stringify} does. Numbers are limited to integers of at most 2^53 in magnitude, which every
 * JSON reader represents exactly: a fraction would need ECMAScript's shortest double form, and nothing that Keyledger
 * signs or links holds one, so one is refused rather than risk a form another implementation would not reproduce.
 */
public final class CanonicalJson {

    private static final long MAX_EXACT = 1L << 53;

    private CanonicalJson() {
    }

    /** The canonical form's UTF-8 bytes. */
    public static byte[] bytes(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            object(out, map);
        } else if (value instanceof Collection<?> items) {
            array(out, items);
        } else if (value instanceof Number number) {
            out.append(integer(number));
        } else {
            throw new IllegalArgumentException("no canonical JSON form for a " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map) {
        List<String> names = new ArrayList<>(map.size());
        for (Object name : map.keySet()) {
            if (!(name instanceof String text)) {
                throw new IllegalArgumentException("JSON member names are strings");
            }
            names.add(text);
        }
        // String.compareTo compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, names.get(i));
            out.append(':');
            write(out, map.get(names.get(i)));
        }
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            write(out, item);
            first = false;
        }
        out.append(']');
    }

    private static String integer(Number number) {
        BigInteger value;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            value = BigInteger.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            value = big;
        } else if (number instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            value = decimal.toBigIntegerExact();
        } else {
            throw new IllegalArgumentException("only integers have a canonical form here, not " + number);
        }
        if (value.abs().compareTo(BigInteger.valueOf(MAX_EXACT)) > 0) {
            throw new IllegalArgumentException("integer beyond 2^53 has no exact JSON number: " + value);
        }
        return value.toString();
    }

    /** RFC 8785 §3.2.2.2: the two-character escapes, a six-character escape (backslash, u, four lowercase hex digits) for other controls, everything else as it is. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
