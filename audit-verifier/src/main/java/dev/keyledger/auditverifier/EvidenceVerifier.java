package dev.keyledger.auditverifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyledger.kernel.audit.chain.ChainRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies one evidence file in one pass, in the order docs/AUDIT-EVIDENCE.md gives: the header's starting link,
 * the checkpoints (signatures, then their chain, together with the published ones), every line's link recomputed
 * from the previous stored link, each signed checkpoint against the link and count at its position, and the closing
 * line. Memory holds the checkpoints and the failing lines, never the events.
 */
public final class EvidenceVerifier {

    /** Failing lines kept to tell a reordered event from an edited one; beyond, each counts as edited. */
    private static final int MAX_FAILING = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final ObjectReader lines;
    private final AuditKeys keys;
    private final List<Checkpoint> published;

    public EvidenceVerifier(ObjectMapper json, AuditKeys keys, List<Checkpoint> published) {
        this.lines = json.readerFor(Map.class);
        this.keys = keys;
        this.published = published;
    }

    public Verdict verify(Path evidence) throws IOException {
        try (InputStream in = Files.newInputStream(evidence)) {
            return verify(in);
        }
    }

    public Verdict verify(InputStream evidence) throws IOException {
        Walk walk = new Walk();
        Lines file = new Lines(evidence);
        boolean unparsed = false;
        long lineNumber = 0;
        while (file.next()) {
            lineNumber++;
            if (unparsed) {
                walk.fault(FaultKind.MALFORMED_EVIDENCE, null, "line " + (lineNumber - 1) + " is not JSON");
                unparsed = false;
            }
            Map<String, Object> parsed;
            try {
                parsed = lines.readValue(file.bytes(), 0, file.length());
            } catch (JsonProcessingException e) {
                unparsed = true;
                continue;
            }
            walk.line(parsed, lineNumber);
        }
        if (unparsed) {
            walk.truncated("the last line is cut off");
        }
        return walk.finish();
    }

    /** The state of one pass. */
    private final class Walk {

        private final List<Fault> faults = new ArrayList<>();
        private final List<Failing> failing = new ArrayList<>();
        private final TreeMap<Long, List<Checkpoint>> trusted = new TreeMap<>();
        private final List<Checkpoint> inEvidence = new ArrayList<>();
        private final Set<Long> positionsSeen = new HashSet<>();
        private Fault truncated;
        private boolean headerSeen;
        private boolean checkpointsChecked;
        private boolean ended;
        private byte[] previous;
        private long previousPosition;
        private long startPosition;
        private long lastPosition;
        private long count;
        private long events;
        private Long signedUpTo;

        void line(Map<String, Object> line, long number) {
            if (ended) {
                fault(FaultKind.MALFORMED_EVIDENCE, null, "line " + number + " follows the closing line");
                return;
            }
            Object kind = line.get("kind");
            if (!headerSeen && !"header".equals(kind)) {
                fault(FaultKind.MALFORMED_EVIDENCE, null, "the first line is not the header");
                headerSeen = true;
                previous = ChainRule.GENESIS;
            }
            if ("header".equals(kind)) {
                if (headerSeen) {
                    // A second header would restart the chain from a link of the file's choosing.
                    fault(FaultKind.MALFORMED_EVIDENCE, null, "line " + number + " is a second header");
                } else {
                    header(line);
                }
            } else if ("checkpoint".equals(kind)) {
                if (checkpointsChecked) {
                    fault(FaultKind.MALFORMED_EVIDENCE, null, "line " + number + ": a checkpoint after the events");
                } else {
                    inEvidence.add(new Checkpoint(object(line.get("checkpoint")), "evidence"));
                }
            } else if ("event".equals(kind) || "link".equals(kind)) {
                checkCheckpoints();
                position(line, "event".equals(kind));
            } else if ("end".equals(kind)) {
                checkCheckpoints();
                ended = true;
                if (!(line.get("lines") instanceof Number n) || n.longValue() != number - 1) {
                    truncated("the closing line counts " + line.get("lines") + " lines before it, the file has "
                            + (number - 1));
                }
            } else {
                fault(FaultKind.MALFORMED_EVIDENCE, null, "line " + number + " is of unknown kind " + kind);
            }
        }

        private void header(Map<String, Object> header) {
            headerSeen = true;
            previousPosition = number(header.get("previousPosition"));
            startPosition = previousPosition;
            lastPosition = previousPosition;
            count = number(header.get("previousEventCount"));
            previous = hex(header.get("previousLink"));
            if (previous == null) {
                fault(FaultKind.MALFORMED_EVIDENCE, null, "the header has no previousLink");
                previous = ChainRule.GENESIS;
            }
            if (previousPosition == 0) {
                Map<String, Object> anchor = object(header.get("anchor"));
                byte[] genesis = anchor.isEmpty() ? ChainRule.GENESIS : ChainRule.reanchoredGenesis(
                        number(anchor.get("legacyPosition")), hex(anchor.get("legacyHeadHash")));
                if (!MessageDigest.isEqual(genesis, previous) || count != 0) {
                    fault(FaultKind.CHAIN_START_MISMATCH, 0L, "the chain does not start at its genesis");
                }
            }
        }

        /** Signatures first, then the chain of all checkpoints known, evidence and published together. */
        private void checkCheckpoints() {
            if (checkpointsChecked) {
                return;
            }
            checkpointsChecked = true;
            TreeMap<Long, Map<String, Checkpoint>> all = new TreeMap<>();
            List<Checkpoint> known = new ArrayList<>(inEvidence);
            known.addAll(published);
            for (Checkpoint checkpoint : known) {
                if (!checkpoint.wellFormed()) {
                    fault(FaultKind.MALFORMED_EVIDENCE, null, "a checkpoint from " + checkpoint.source()
                            + " lacks position, eventCount or headHash");
                    continue;
                }
                if (!checkpoint.signedBy(keys)) {
                    fault(FaultKind.CHECKPOINT_SIGNATURE_INVALID, checkpoint.position(), "the checkpoint from "
                            + checkpoint.source() + " is not signed by audit key " + checkpoint.fields().get("keyId"));
                    continue;
                }
                all.computeIfAbsent(checkpoint.position(), p -> new LinkedHashMap<>())
                        .putIfAbsent(checkpoint.hash(), checkpoint);
                trusted.computeIfAbsent(checkpoint.position(), p -> new ArrayList<>()).add(checkpoint);
            }
            Map<String, Checkpoint> before = null;
            for (Map<String, Checkpoint> atPosition : all.values()) {
                for (Checkpoint checkpoint : atPosition.values()) {
                    if (before != null && !before.containsKey(checkpoint.previousCheckpointHash())) {
                        fault(FaultKind.CHECKPOINT_CHAIN_GAP, checkpoint.position(), "the checkpoint from "
                                + checkpoint.source() + " does not follow the one before it (a checkpoint between"
                                + " them is missing or was replaced)");
                    }
                }
                before = atPosition;
            }
            for (Checkpoint checkpoint : trusted.getOrDefault(previousPosition, List.of())) {
                vouch(checkpoint, previousPosition, previous);
            }
        }

        private void position(Map<String, Object> line, boolean event) {
            long position = number(line.get("position"));
            if (position <= lastPosition) {
                fault(FaultKind.REORDERED_OR_INSERTED_EVENT, position, "the line for this position comes after"
                        + " the one for position " + lastPosition);
                return;
            }
            byte[] link = hex(line.get("link"));
            if (link == null) {
                fault(FaultKind.REORDERED_OR_INSERTED_EVENT, position, "an event where the chain passed a hole:"
                        + " it was never linked");
                return;
            }
            lastPosition = position;
            count++;
            events++;
            byte[] storedDigest = hex(line.get("storedDigest"));
            Map<String, Object> entry = event ? object(line.get("entry")) : null;
            byte[] entryDigest = event ? (entry.isEmpty() ? null : ChainRule.entryDigest(entry))
                    : hex(line.get("entryDigest"));
            if (storedDigest == null && entryDigest == null) {
                fault(FaultKind.DELETED_EVENT, position, "the chain links this position, the event is gone");
            } else if (storedDigest == null || entryDigest == null) {
                fault(FaultKind.EDITED_EVENT, position, "the stored event no longer reads as an event");
            } else if (!MessageDigest.isEqual(ChainRule.link(previous, storedDigest, entryDigest), link)) {
                if (event && failing.size() < MAX_FAILING) {
                    failing.add(new Failing(position, previous, link, storedDigest, entry));
                } else {
                    fault(FaultKind.EDITED_EVENT, position, "the event does not match its link");
                }
            }
            List<Checkpoint> vouching = trusted.get(position);
            if (vouching != null) {
                // Only the positions checkpoints name are remembered: the events are never held.
                positionsSeen.add(position);
                for (Checkpoint checkpoint : vouching) {
                    vouch(checkpoint, position, link);
                }
            }
            previous = link;
        }

        /** A signed checkpoint at a position of the chain: its head and count must be the chain's there. */
        private void vouch(Checkpoint checkpoint, long position, byte[] link) {
            if (!checkpoint.headHash().equals(HEX.formatHex(link))) {
                fault(FaultKind.HISTORY_REWRITTEN_AFTER_CHECKPOINT, position, "the chain's link here is not the"
                        + " head the checkpoint from " + checkpoint.source() + " signed: history was rewritten");
            } else if (checkpoint.eventCount() != count) {
                fault(FaultKind.DELETED_EVENT, position, "the checkpoint from " + checkpoint.source()
                        + " counts " + checkpoint.eventCount() + " events up to here, the chain " + count);
            } else if (faults.isEmpty() && failing.isEmpty()) {
                signedUpTo = position;
            }
        }

        Verdict finish() {
            checkCheckpoints();
            if (!ended && truncated == null) {
                truncated("the closing line is missing");
            }
            for (Failing line : failing) {
                Long belongsAt = belongsAt(line);
                if (belongsAt != null) {
                    fault(FaultKind.REORDERED_OR_INSERTED_EVENT, line.position(), "the event here is the one"
                            + " linked at position " + belongsAt);
                } else {
                    fault(FaultKind.EDITED_EVENT, line.position(), "the event does not match its link");
                }
            }
            for (Long position : trusted.subMap(startPosition, false, lastPosition, true).keySet()) {
                if (!positionsSeen.contains(position)) {
                    fault(FaultKind.DELETED_EVENT, position, "a signed checkpoint vouches for this position,"
                            + " which the evidence lacks");
                }
            }
            List<Fault> ordered = new ArrayList<>(faults);
            ordered.sort(Comparator.comparing((Fault fault) -> fault.position() == null ? Long.MIN_VALUE
                    : fault.position()));
            if (truncated != null) {
                ordered.add(0, truncated);
            }
            return new Verdict(ordered, events, lastPosition, signedUpTo);
        }

        /** The position whose link this line's event matches, re-placed there: it was moved, not edited. */
        private Long belongsAt(Failing line) {
            for (Failing other : failing) {
                if (other != line) {
                    Map<String, Object> moved = new LinkedHashMap<>(line.entry());
                    moved.put("globalPosition", other.position());
                    byte[] link = ChainRule.link(other.previous(), line.storedDigest(), ChainRule.entryDigest(moved));
                    if (MessageDigest.isEqual(link, other.link())) {
                        return other.position();
                    }
                }
            }
            return null;
        }

        void truncated(String detail) {
            if (truncated == null) {
                truncated = new Fault(FaultKind.TRUNCATED_EXPORT, null, detail);
            }
        }

        void fault(FaultKind kind, Long position, String detail) {
            faults.add(new Fault(kind, position, detail));
        }
    }

    /** A line whose event did not match its link, kept until the end to see whether it was moved. */
    private record Failing(long position, byte[] previous, byte[] link, byte[] storedDigest,
                           Map<String, Object> entry) {
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static byte[] hex(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
