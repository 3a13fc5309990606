package dev.keyledger.auditverifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a file as raw bytes, without the newline: Jackson parses UTF-8 bytes faster than decoded text, and
 * the verifier reads millions of lines.
 */
final class Lines {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;

    Lines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line into {@link #bytes()}; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }
}
