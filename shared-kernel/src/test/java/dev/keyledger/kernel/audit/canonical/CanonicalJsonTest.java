package dev.keyledger.kernel.audit.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785 canonical JSON for the values Keyledger signs and links. */
class CanonicalJsonTest {

    @Test
    void whenMembersComeInAnyOrder_thenTheyAreSortedByUtf16CodeUnitsWithoutWhitespace() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1);
        object.put("a", List.of(true, false));
        object.put("\u00e9", null);
        // U+1F600 is a surrogate pair (0xD83D...), which sorts before U+FB33 in UTF-16 though after it in code points.
        object.put("\ud83d\ude00", "smile");
        object.put("\ufb33", "dalet");
        object.put("A", Map.of());

        assertThat(CanonicalJson.text(object))
                .isEqualTo("{\"A\":{},\"a\":[true,false],\"b\":1,\"\u00e9\":null,\"\ud83d\ude00\":\"smile\",\"\ufb33\":\"dalet\"}");
    }

    @Test
    void whenAStringHoldsControlsQuotesOrNonAscii_thenOnlyWhatJsonRequiresIsEscaped() {
        String text = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f\u20ac";

        assertThat(CanonicalJson.text(text))
                .isEqualTo("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u20ac\"");
    }

    @Test
    void whenNumbersAreIntegers_thenTheyAreWrittenPlainUpTo2Pow53() {
        assertThat(CanonicalJson.text(Arrays.asList(0, -7, 9007199254740992L, new BigDecimal("12.000"))))
                .isEqualTo("[0,-7,9007199254740992,12]");
        assertThatThrownBy(() -> CanonicalJson.text(9007199254740993L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTheBytesAreTaken_thenTheyAreUtf8() {
        assertThat(CanonicalJson.bytes("\u20ac")).containsExactly(0x22, 0xe2, 0x82, 0xac, 0x22);
    }
}
