package dev.keyledger.auditverifier;

import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evidence files written here by the documented rule (docs/AUDIT-EVIDENCE.md), without Keyledger. */
final class WrittenEvidence {

    private static final HexFormat HEX = HexFormat.of();

    private WrittenEvidence() {
    }

    static String header(long previousPosition, byte[] previousLink) {
        return "{\"anchor\":null,\"format\":\"keyledger-audit-evidence/1\",\"from\":null,\"kind\":\"header\","
                + "\"previousEventCount\":" + previousPosition + ",\"previousLink\":\"" + HEX.formatHex(previousLink)
                + "\",\"previousPosition\":" + previousPosition + ",\"to\":null}";
    }

    /** An evidence file of {@code events} events chained from the genesis, no checkpoint: intact. */
    static List<String> chained(int events) {
        List<String> lines = new ArrayList<>();
        lines.add(header(0, ChainRule.GENESIS));
        byte[] previous = ChainRule.GENESIS;
        for (int position = 1; position <= events; position++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("globalPosition", position);
            entry.put("type", "role.created");
            entry.put("payload", Map.of("name", "name-" + position));
            byte[] stored = ChainRule.sha256().digest(("stored " + position).getBytes(StandardCharsets.UTF_8));
            byte[] link = ChainRule.link(previous, stored, ChainRule.entryDigest(entry));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "event");
            line.put("position", position);
            line.put("entry", entry);
            line.put("storedDigest", HEX.formatHex(stored));
            line.put("link", HEX.formatHex(link));
            lines.add(CanonicalJson.text(line));
            previous = link;
        }
        lines.add("{\"kind\":\"end\",\"lines\":" + lines.size() + "}");
        return lines;
    }
}
