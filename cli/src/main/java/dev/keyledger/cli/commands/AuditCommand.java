package dev.keyledger.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.http.ApiAnswer;
import dev.keyledger.cli.output.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code keyledger audit ...}: the event history, its export and its hash chain (API.md §2). */
@Command(name = "audit", description = "Read, export and verify the audit history.")
public class AuditCommand extends Noun {

    private static final String EVENTS = "/api/v1/audit/events";

    @Command(name = "events", description = "Every event in global order, filtered, a page at a time.",
            footer = {"%nExample:", "  keyledger audit events --type client.secret-rotated,client.deleted"
                    + " --from 2026-11-01T00:00:00Z --limit 100"})
    void events(@Mixin AuditFilter filter,
                @Option(names = "--limit", paramLabel = "N") Integer limit) {
        printer().answer(api().get(filter.query().add("limit", limit).on(EVENTS)),
                List.of("globalPosition", "occurredAt", "type", "aggregateId", "actor"));
    }

    @Command(name = "export", description = "Write the history (or the filtered part) to a file as NDJSON, one"
            + " event a line, streamed; a progress line shows on a terminal.",
            footer = {"%nExample:", "  keyledger audit export --file audit-2026-11.ndjson --from 2026-11-01T00:00:00Z"
                    + " --to 2026-12-01T00:00:00Z"})
    void export(@Option(names = "--file", paramLabel = "PATH", required = true) Path file,
                @Mixin AuditFilter filter) {
        ProgressLine progress = new ProgressLine(cli().environment(), printer().quiet(), "exporting");
        long[] counts = new long[2];
        try (OutputStream out = Files.newOutputStream(file)) {
            api().stream(filter.query().on(EVENTS), body -> copy(body, out, counts, progress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        progress.finish(counts[0], counts[1]);
        printer().info("exported " + counts[0] + " events to " + file);
    }

    @Command(name = "evidence", description = "Write the evidence of the hash chain over a range of positions (the"
            + " events with their links and the signed checkpoints covering them) to a file, and the audit public keys"
            + " beside it: what `audit verify --offline` and scripts/verify-audit-evidence.py check without the"
            + " service.",
            footer = {"%nExample:", "  keyledger audit evidence --file evidence.ndjson --keys-file audit-keys.json"
                    + " --from 1 --to 5000"})
    void evidence(@Option(names = "--file", paramLabel = "PATH", required = true) Path file,
                  @Option(names = "--keys-file", paramLabel = "PATH", required = true) Path keysFile,
                  @Option(names = "--from", paramLabel = "POSITION") Long from,
                  @Option(names = "--to", paramLabel = "POSITION", description = "exclusive") Long to) {
        ProgressLine progress = new ProgressLine(cli().environment(), printer().quiet(), "exporting evidence");
        long[] counts = new long[2];
        try (OutputStream out = Files.newOutputStream(file)) {
            api().stream(new Query().add("from", from).add("to", to).on("/api/v1/audit/evidence"),
                    body -> copy(body, out, counts, progress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        progress.finish(counts[0], counts[1]);
        ApiAnswer keys = api().get("/.well-known/keyledger-audit-keys.json");
        try {
            Files.writeString(keysFile, keys.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + keysFile, e);
        }
        printer().info("wrote " + counts[0] + " lines of evidence to " + file + " and the audit keys to " + keysFile);
    }

    @Command(name = "verify", description = "Have the service recompute the hash chain over every event; exit 1 if"
            + " it is broken. With --offline, check an evidence file against the audit public keys (and the"
            + " checkpoints published outside the database, if given) without asking the service anything.",
            footer = {"%nExamples:", "  keyledger audit verify",
                    "  keyledger audit verify --offline evidence.ndjson --keys audit-keys.json"
                            + " --published /var/lib/keyledger/checkpoints"})
    void verify(@Option(names = "--offline", paramLabel = "EVIDENCE") Path evidence,
                @Option(names = "--keys", paramLabel = "AUDIT-KEYS") Path keys,
                @Option(names = "--published", paramLabel = "PATH", arity = "1..*",
                        description = "published checkpoint files or folders") List<Path> published) {
        if (evidence != null || keys != null || published != null) {
            new OfflineVerification(evidence, keys, published).run(cli().environment());
            return;
        }
        ApiAnswer answer = api().get("/api/v1/audit/verify");
        printer().answer(answer, List.of());
        JsonNode verdict = answer.json();
        if (!verdict.path("intact").asBoolean()) {
            throw CliFailure.refused("the audit chain is broken at position "
                    + verdict.path("firstBrokenPosition").asText());
        }
    }

    private static void copy(InputStream body, OutputStream out, long[] counts, ProgressLine progress)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = body.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    counts[0]++;
                }
            }
            counts[1] += read;
            progress.update(counts[0], counts[1]);
        }
    }
}
