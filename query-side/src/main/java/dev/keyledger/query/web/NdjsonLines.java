package dev.keyledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes entries one JSON document a line (NDJSON) and counts them. */
final class NdjsonLines {

    private final OutputStream out;
    private final ObjectMapper json;
    private long written;

    NdjsonLines(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void write(Object entry) {
        try {
            out.write(json.writeValueAsBytes(entry));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long written() {
        return written;
    }
}
