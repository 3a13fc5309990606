package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.canonical.CanonicalJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the lines of an evidence file (docs/AUDIT-EVIDENCE.md), each one JSON object in canonical form, and counts
 * them for the closing line. An entry is written exactly as it was hashed.
 */
final class EvidenceLines {

    private static final HexFormat HEX = HexFormat.of();

    private final OutputStream out;
    private long written;

    EvidenceLines(OutputStream out) {
        this.out = out;
    }

    void header(Map<String, Object> header) {
        Map<String, Object> line = new LinkedHashMap<>(header);
        line.put("kind", "header");
        write(CanonicalJson.text(line));
    }

    /** An event of the range: its entry (or null: gone, or unreadable where its stored digest is present). */
    void event(long position, Map<String, Object> entry, byte[] storedDigest, byte[] link) {
        write("{\"entry\":" + CanonicalJson.text(entry) + ",\"kind\":\"event\",\"link\":" + hex(link)
                + ",\"position\":" + position + ",\"storedDigest\":" + hex(storedDigest) + "}");
    }

    /** A position after the range, up to the checkpoint that covers it: digests only, no entry disclosed. */
    void link(long position, byte[] entryDigest, byte[] storedDigest, byte[] link) {
        write("{\"entryDigest\":" + hex(entryDigest) + ",\"kind\":\"link\",\"link\":" + hex(link)
                + ",\"position\":" + position + ",\"storedDigest\":" + hex(storedDigest) + "}");
    }

    void checkpoint(Map<String, Object> checkpoint) {
        write(CanonicalJson.text(Map.of("kind", "checkpoint", "checkpoint", checkpoint)));
    }

    void end() {
        write("{\"kind\":\"end\",\"lines\":" + written + "}");
    }

    long written() {
        return written;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : "\"" + HEX.formatHex(bytes) + "\"";
    }

    private void write(String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
