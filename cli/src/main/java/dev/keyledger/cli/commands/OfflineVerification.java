package dev.keyledger.cli.commands;

import dev.keyledger.auditverifier.Main;
import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.CliFailure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keyledger audit verify --offline}: the audit-verifier module's check (docs/AUDIT-EVIDENCE.md), run inside the
 * CLI with the same output and exit codes as its jar and the Python reference (0 intact, 1 faulty, 2 unusable), which
 * are also the CLI's codes for done, refused and usage. Nothing is asked of the service: no sign-in is needed.
 */
record OfflineVerification(Path evidence, Path keys, List<Path> published) {

    void run(CliEnvironment environment) {
        if (evidence == null || keys == null) {
            throw CliFailure.usage("--offline needs the evidence file and --keys with the audit public keys");
        }
        List<String> arguments = new ArrayList<>(List.of(evidence.toString(), keys.toString()));
        if (published != null) {
            published.forEach(place -> arguments.add(place.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(arguments.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        environment.out().print(out.toString(StandardCharsets.UTF_8));
        environment.out().flush();
        switch (exit) {
            case 0 -> { }
            case 1 -> throw CliFailure.refused("the evidence is not intact: the first fault is named above");
            default -> throw CliFailure.usage(err.toString(StandardCharsets.UTF_8).strip());
        }
    }
}
