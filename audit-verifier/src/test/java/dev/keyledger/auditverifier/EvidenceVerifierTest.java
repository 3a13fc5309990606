package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
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
        Verdict verdict = verify(WrittenEvidence.chained(5));
        assertThat(verdict.faults()).isEmpty();
        assertThat(verdict.events()).isEqualTo(5);
        assertThat(verdict.signedUpTo()).isNull();
    }

    @Test
    void whenAnEntryIsEdited_thenItIsAnEditedEventAtItsPosition() throws IOException {
        List<String> lines = WrittenEvidence.chained(5);
        lines.set(3, lines.get(3).replace("name-3", "name-X"));
        assertThat(first(verify(lines))).isEqualTo("edited-event at 3");
    }

    @Test
    void whenTwoEventsTradePlaces_thenItIsAReorderedEvent() throws IOException {
        List<String> lines = WrittenEvidence.chained(5);
        String second = lines.get(2);
        String fourth = lines.get(4);
        // Each entry moves with its stored digest; the links stay where they were, as in the store.
        lines.set(2, moved(fourth, second));
        lines.set(4, moved(second, fourth));
        assertThat(first(verify(lines))).isEqualTo("reordered-or-inserted-event at 2");
    }

    @Test
    void whenTheClosingLineIsMissing_thenTheExportIsTruncated() throws IOException {
        List<String> lines = WrittenEvidence.chained(5);
        lines.remove(lines.size() - 1);
        assertThat(verify(lines).faults().get(0).kind()).isEqualTo(FaultKind.TRUNCATED_EXPORT);
    }

    @Test
    void whenAnEventIsGoneButItsLinkStays_thenItIsADeletedEvent() throws IOException {
        List<String> lines = WrittenEvidence.chained(5);
        lines.set(3, lines.get(3).replaceAll("\"entry\":\\{.*\\},\"kind\"", "\"entry\":null,\"kind\"")
                .replaceAll("\"storedDigest\":\"[0-9a-f]+\"", "\"storedDigest\":null"));
        assertThat(first(verify(lines))).isEqualTo("deleted-event at 3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenASecondHeaderRestartsTheChainAroundEditedEvents_thenTheFileIsMalformed(@TempDir Path directory)
            throws IOException, InterruptedException {
        List<String> honest = WrittenEvidence.chained(5);
        // Events 3 and 4 edited and linked from a link of the forger's choosing, announced by a header; then a header
        // with the honest link of 4, so that event 5 and every checkpoint after it would still match.
        byte[] forged = ChainRule.sha256().digest("forged".getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(honest.subList(0, 3));
        lines.add(WrittenEvidence.header(2, forged));
        byte[] previous = forged;
        for (int index = 3; index <= 4; index++) {
            Map<String, Object> line = JSON.readValue(honest.get(index), Map.class);
            ((Map<String, Object>) line.get("entry")).put("payload", Map.of("name", "forged-" + index));
            previous = ChainRule.link(previous, HEX.parseHex((String) line.get("storedDigest")),
                    ChainRule.entryDigest((Map<String, Object>) line.get("entry")));
            line.put("link", HEX.formatHex(previous));
            lines.add(CanonicalJson.text(line));
        }
        String honestLinkOf4 = (String) JSON.readValue(honest.get(4), Map.class).get("link");
        lines.add(WrittenEvidence.header(4, HEX.parseHex(honestLinkOf4)));
        lines.add(honest.get(5));
        lines.add("{\"kind\":\"end\",\"lines\":" + lines.size() + "}");
        assertThat(first(verify(lines))).isEqualTo("malformed-evidence at null");
        assertThat(pythonVerdict(lines, directory)).contains("malformed-evidence").doesNotContain("INTACT");
    }

    /** What the Python reference verifier (scripts/verify-audit-evidence.py, under Debian's interpreter) prints. */
    private static String pythonVerdict(List<String> lines, Path directory) throws IOException, InterruptedException {
        Path evidence = Files.write(directory.resolve("evidence.ndjson"), lines, StandardCharsets.UTF_8);
        Path keys = Files.writeString(directory.resolve("keys.json"), "{\"keys\":[]}");
        Process python = new ProcessBuilder("/usr/bin/python3",
                Path.of("..", "scripts", "verify-audit-evidence.py").toString(), evidence.toString(), keys.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(output).isEqualTo(1);
        return output;
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
}
