package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on small evidence written here by the documented rule, without Keyledger: the faults that need no
 * signature (AuditEvidenceTest makes every fault in a real store and runs the Python verifier too).
 */
class EvidenceVerifierTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whenTheEvidenceIsAsWritten_thenItIsIntactButNotSigned() throws IOException {
        Verdict verdict = verify(evidence(5));
        assertThat(verdict.faults()).isEmpty();
        assertThat(verdict.events()).isEqualTo(5);
        assertThat(verdict.signedUpTo()).isNull();
    }

    @Test
    void whenAnEntryIsEdited_thenItIsAnEditedEventAtItsPosition() throws IOException {
        List<String> lines = evidence(5);
        lines.set(3, lines.get(3).replace("name-3", "name-X"));
        assertThat(first(verify(lines))).isEqualTo("edited-event at 3");
    }

    @Test
    void whenTwoEventsTradePlaces_thenItIsAReorderedEvent() throws IOException {
        List<String> lines = evidence(5);
        String second = lines.get(2);
        String fourth = lines.get(4);
        // Each entry moves with its stored digest; the links stay where they were, as in the store.
        lines.set(2, moved(fourth, second));
        lines.set(4, moved(second, fourth));
        assertThat(first(verify(lines))).isEqualTo("reordered-or-inserted-event at 2");
    }

    @Test
    void whenTheClosingLineIsMissing_thenTheExportIsTruncated() throws IOException {
        List<String> lines = evidence(5);
        lines.remove(lines.size() - 1);
        assertThat(verify(lines).faults().get(0).kind()).isEqualTo(FaultKind.TRUNCATED_EXPORT);
    }

    @Test
    void whenAnEventIsGoneButItsLinkStays_thenItIsADeletedEvent() throws IOException {
        List<String> lines = evidence(5);
        lines.set(3, lines.get(3).replaceAll("\"entry\":\\{.*\\},\"kind\"", "\"entry\":null,\"kind\"")
                .replaceAll("\"storedDigest\":\"[0-9a-f]+\"", "\"storedDigest\":null"));
        assertThat(first(verify(lines))).isEqualTo("deleted-event at 3");
    }

    /** The line {@code from}'s entry and stored digest at the position and with the link of line {@code to}. */
    @SuppressWarnings("unchecked")
    private static String moved(String from, String to) throws IOException {
        Map<String, Object> source = JSON.readValue(from, Map.class);
        Map<String, Object> target = JSON.readValue(to, Map.class);
        Map<String, Object> entry = (Map<String, Object>) source.get("entry");
        entry.put("globalPosition", target.get("position"));
        target.put("entry", entry);
        target.put("storedDigest", source.get("storedDigest"));
        return CanonicalJson.text(target);
    }

    private static String first(Verdict verdict) {
        assertThat(verdict.faults()).isNotEmpty();
        Fault fault = verdict.faults().get(0);
        return fault.kind().wireName() + " at " + fault.position();
    }

    private static Verdict verify(List<String> lines) throws IOException {
        AuditKeys keys = AuditKeys.read(JSON.readTree("{\"keys\":[]}"));
        byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new EvidenceVerifier(JSON, keys, List.of()).verify(new ByteArrayInputStream(file));
    }

    /** An evidence file of {@code events} events chained from the genesis, no checkpoint. */
    private static List<String> evidence(int events) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"anchor\":null,\"format\":\"keyledger-audit-evidence/1\",\"from\":null,\"kind\":\"header\","
                + "\"previousEventCount\":0,\"previousLink\":\"" + HEX.formatHex(ChainRule.GENESIS)
                + "\",\"previousPosition\":0,\"to\":null}");
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
