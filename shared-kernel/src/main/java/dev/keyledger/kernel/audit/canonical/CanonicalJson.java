package dev.keyledger.kernel.audit.canonical;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS): members sorted by the UTF-16 code units of their names, no whitespace, strings escaped only where
 * JSON requires it, numbers written as ECMAScript writes an IEEE 754 double. Takes the values a JSON parser yields
 * ({@link Map} with string keys, {@link List}, {@link String}, {@link Number}, {@link Boolean}, {@code null}).
 *
 * <p>Numbers are doubles in JCS: an integer beyond 2^53 has no exact form and is refused rather than rounded. The
 * shortest round-tripping digits come from {@link Double#toString}, which gives them from JDK 19 on (JDK-4511638);
 * audit entries hold integers only, which are exact on every JDK.
 */
public final class CanonicalJson {

    private static final long MAX_EXACT = 1L << 53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical form as UTF-8 bytes: what is hashed and signed. */
    public static byte[] bytes(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as text. */
    public static String text(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for. Members that come
        // in order already (canonical input: the verifier's case) are written as they come, without a sorted copy.
        if (inOrder(map)) {
            members(map, map.keySet(), out);
            return;
        }
        List<String> names = new ArrayList<>(map.size());
        for (Object name : map.keySet()) {
            names.add((String) name);
        }
        names.sort(null);
        members(map, names, out);
    }

    private static void members(Map<?, ?> map, Iterable<?> names, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Object name : names) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string((String) name, out);
            out.append(':');
            write(map.get(name), out);
        }
        out.append('}');
    }

    /** Whether every member name is a string and the names come in canonical order. */
    private static boolean inOrder(Map<?, ?> map) {
        String previous = null;
        for (Object name : map.keySet()) {
            if (!(name instanceof String text)) {
                throw new IllegalArgumentException("a JSON member name must be a string");
            }
            if (previous != null && previous.compareTo(text) > 0) {
                return false;
            }
            previous = text;
        }
        return true;
    }

    /** RFC 8785 §3.2.2.2: only the quote, the backslash and the controls are escaped, in their shortest form. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        if (!needsEscape(text)) {
            out.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    static String number(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            long value = number.longValue();
            if (value > MAX_EXACT || value < -MAX_EXACT) {
                throw new IllegalArgumentException("an integer beyond 2^53 has no exact JSON number form");
            }
            return Long.toString(value);
        }
        if (number instanceof BigInteger big) {
            if (big.bitLength() > 53) {
                throw new IllegalArgumentException("an integer beyond 2^53 has no exact JSON number form");
            }
            return big.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return ecmaScript(decimal.doubleValue());
        }
        return ecmaScript(number.doubleValue());
    }

    /** ECMAScript's Number.prototype.toString (ECMA-262 §7.1.12.1) of a finite double. */
    static String ecmaScript(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and infinities are not JSON numbers");
        }
        if (value == 0) {
            return "0";
        }
        String shortest = Double.toString(Math.abs(value));
        int e = shortest.indexOf('E');
        String mantissa = e < 0 ? shortest : shortest.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(shortest.substring(e + 1));
        int point = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length()).append(mantissa, 0, point)
                .append(mantissa, point + 1, mantissa.length());
        // value = 0.d1d2...dk × 10^n, the form ECMAScript's rules are written in.
        int n = point + exponent;
        while (digits.length() > 1 && digits.charAt(0) == '0') {
            digits.deleteCharAt(0);
            n--;
        }
        while (digits.length() > 1 && digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        if (digits.length() == 2) {
            n = oneDigit(Math.abs(value), digits, n);
        }
        int k = digits.length();
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /**
     * Double.toString writes at least two significant digits where one would do (4.9E-324 for 5e-324): when a single
     * digit reads back as the same double, ECMAScript writes that one. Replaces {@code digits}; returns the new n.
     */
    private static int oneDigit(double value, StringBuilder digits, int n) {
        int first = digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(value);
        String best = null;
        BigDecimal bestDistance = null;
        for (int candidate = first; candidate <= first + 1; candidate++) {
            String text = candidate == 10 ? "1E" + n : candidate + "E" + (n - 1);
            BigDecimal distance = new BigDecimal(text).subtract(exact).abs();
            // Of two that read back alike, ECMAScript takes the one closer to the value.
            if (Double.parseDouble(text) == value && (best == null || distance.compareTo(bestDistance) < 0)) {
                best = text;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return n;
        }
        digits.setLength(0);
        digits.append(best.charAt(0));
        return Integer.parseInt(best.substring(best.indexOf('E') + 1)) + 1;
    }
}
