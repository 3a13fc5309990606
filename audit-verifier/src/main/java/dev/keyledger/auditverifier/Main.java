package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar keyledger-audit-verifier.jar EVIDENCE.ndjson AUDIT-KEYS.json [PUBLISHED-CHECKPOINTS...]}: prints
 * every fault, the first one first, and exits 0 when the evidence is intact, 1 when it is not, 2 when it cannot be
 * read. Same command line, output and exit codes as scripts/verify-audit-evidence.py.
 */
public final class Main {

    static final int INTACT = 0;
    static final int FAULTY = 1;
    static final int UNUSABLE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without the exit, for the CLI and for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println("usage: keyledger-audit-verifier EVIDENCE.ndjson AUDIT-KEYS.json [PUBLISHED-CHECKPOINTS...]");
            return UNUSABLE;
        }
        // Floats as BigDecimal, so that no number changes between reading and canonicalizing.
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Verdict verdict;
        try {
            AuditKeys keys = AuditKeys.read(Path.of(args[1]), json);
            List<Checkpoint> published = PublishedCheckpoints.read(
                    Arrays.stream(args, 2, args.length).map(Path::of).toList(), json);
            verdict = new EvidenceVerifier(json, keys, published).verify(Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify: " + e.getMessage());
            return UNUSABLE;
        }
        verdict.faults().forEach(out::println);
        if (!verdict.intact()) {
            return FAULTY;
        }
        out.println("INTACT: " + verdict.events() + " linked events up to position " + verdict.lastPosition() + "; "
                + (verdict.signedUpTo() == null ? "no signed checkpoint covers them"
                : "signed up to position " + verdict.signedUpTo()
                + (verdict.signedUpTo() < verdict.lastPosition() ? ", the rest is chained but not signed yet" : "")));
        return INTACT;
    }
}
