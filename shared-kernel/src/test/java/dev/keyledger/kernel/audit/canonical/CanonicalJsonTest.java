package dev.keyledger.kernel.audit.canonical;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785's own examples: §3.2.2 (values and escaping), §3.2.3 (member order) and Appendix B (numbers). */
class CanonicalJsonTest {

    @Test
    void whenTheRfcsValueExampleIsCanonicalized_thenItIsTheRfcsOutput() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("numbers", Arrays.asList(Double.parseDouble("333333333.33333329"), Double.parseDouble("1E30"),
                Double.parseDouble("4.50"), Double.parseDouble("2e-3"),
                Double.parseDouble("0.000000000000000000000000001")));
        // The RFC writes this string with JSON escapes, some of which Java would unescape before parsing.
        input.put("string", "\u20ac$" + (char) 0x0f + "\nA'B\"\\\\\"/");
        input.put("literals", Arrays.asList(null, true, false));

        assertThat(CanonicalJson.text(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void whenMembersHaveNamesOutsideAscii_thenTheyAreSortedByUtf16CodeUnits() {
        Map<String, Object> input = new HashMap<>();
        input.put("\u20ac", "Euro Sign");
        input.put("\r", "Carriage Return");
        input.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        input.put("1", "One");
        input.put("\ud83d\ude00", "Emoji: Grinning Face");
        input.put("\u0080", "Control");
        input.put("\u00f6", "Latin Small Letter O With Diaeresis");

        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertThat(CanonicalJson.bytes(input)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenStringsHoldControlsQuotesAndNonAscii_thenOnlyWhatJsonRequiresIsEscaped() {
        assertThat(CanonicalJson.text("\b\t\n\f\r\u0000\u001f\u007f\u2028\"\\/é"))
                .isEqualTo("\"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u2028\\\"\\\\/é\"");
    }

    @Test
    void whenObjectsAndArraysNest_thenNoWhitespaceIsWritten() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2L);
        inner.put("a", Arrays.asList(1, "x", Map.of()));
        assertThat(CanonicalJson.text(Map.of("z", inner, "empty", Arrays.asList())))
                .isEqualTo("{\"empty\":[],\"z\":{\"a\":[1,\"x\",{}],\"b\":2}}");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void whenADoubleIsWritten_thenItIsTheRfcsAppendixBForm(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.text(value)).isEqualTo(expected);
    }

    @Test
    void whenANumberHasNoExactJsonForm_thenItIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.text(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text((1L << 53) + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.text(1L << 53)).isEqualTo("9007199254740992");
    }
}
