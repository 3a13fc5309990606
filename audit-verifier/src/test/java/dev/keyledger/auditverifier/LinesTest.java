package dev.keyledger.auditverifier;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level line reader: newlines, a last line without one, CRLF, and lines longer than its buffers. */
class LinesTest {

    @Test
    void whenAFileIsRead_thenEveryLineComesBackWithoutItsNewline() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(read("a\nbc\r\n\n" + longLine + "\nlast")).containsExactly("a", "bc", "", longLine, "last");
        assertThat(read("one\n")).containsExactly("one");
        assertThat(read("")).isEmpty();
    }

    private static List<String> read(String text) throws IOException {
        Lines lines = new Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> read = new ArrayList<>();
        while (lines.next()) {
            read.add(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
        }
        return read;
    }
}
