package dev.keyledger.query.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.audit.AuditEntryJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes audit entries one JSON document a line (NDJSON) and counts them: straight onto one generator, whose buffer
 * gathers the lines before the response's stream sees them (docs/DECISIONS.md 117).
 */
final class NdjsonLines {

    private final JsonGenerator out;
    private final AuditEntryJson entries;
    private long written;

    NdjsonLines(OutputStream out, ObjectMapper json) throws IOException {
        this.out = json.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Lines end with a newline of their own; the generator's separator between documents would add a space.
        this.out.setRootValueSeparator(null);
        this.entries = new AuditEntryJson(json);
    }

    void write(AuditEntry entry) {
        try {
            entries.write(entry, out);
            out.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands what the generator still holds to the response. */
    void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long written() {
        return written;
    }
}
