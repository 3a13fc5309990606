package dev.keyledger.token.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding: malformed percent-escapes and invalid UTF-8 are errors,
 * not replacement characters, and parameters keep every value so that repeats can be refused.
 */
final class FormBody {

    private FormBody() {
    }

    /** Parameter name to its values in order; throws {@link IllegalArgumentException} when malformed. */
    static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addPair(parameters, body, start, i);
                }
                start = i + 1;
            }
        }
        return parameters;
    }

    /** Decodes one form-urlencoded component ({@code +} is a space). */
    static String decode(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new IllegalArgumentException("truncated percent-escape");
                }
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    private static void addPair(Map<String, List<String>> parameters, byte[] body, int from, int to) {
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, from, equals);
        String value = equals < to ? decode(body, equals + 1, to) : "";
        parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
    }

    private static int hex(byte b) {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            throw new IllegalArgumentException("malformed percent-escape");
        }
        return digit;
    }
}
