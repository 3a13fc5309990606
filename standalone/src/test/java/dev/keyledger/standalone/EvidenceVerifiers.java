package dev.keyledger.standalone;

import dev.keyledger.auditverifier.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Both offline verifiers on one evidence file: the Java one ({@code audit-verifier}, in this JVM through its command
 * entry point) and the Python reference ({@code scripts/verify-audit-evidence.py}, as a process under Debian's
 * interpreter), with what each printed and its exit code.
 */
final class EvidenceVerifiers {

    private static final Path PYTHON_SCRIPT = Path.of("..", "scripts", "verify-audit-evidence.py").toAbsolutePath();

    private EvidenceVerifiers() {
    }

    /** What one verifier said. */
    record Outcome(int exitCode, String output) {

        String firstLine() {
            return output.lines().findFirst().orElse("");
        }
    }

    /** Both verdicts, Java's first. */
    record Outcomes(Outcome java, Outcome python) {

        List<Outcome> both() {
            return List.of(java, python);
        }
    }

    /** Downloads {@code GET /api/v1/audit/evidence<query>} into {@code file}. */
    static Path download(RunningKeyledger keyledger, String query, Path file) throws IOException, InterruptedException {
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keyledger.baseUri() + "/api/v1/audit/evidence" + query))
                .header("Authorization", "Bearer " + keyledger.newAdminToken()).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() != 200) {
            throw new AssertionError("evidence answered " + response.statusCode() + ": " + Files.readString(file));
        }
        return file;
    }

    static Outcomes verify(Path evidence, Path keys, Path... published) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(evidence.toString(), keys.toString()));
        for (Path place : published) {
            args.add(place.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int javaExit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Outcome java = new Outcome(javaExit, out.toString(StandardCharsets.UTF_8));

        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", PYTHON_SCRIPT.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the Python verifier did not finish");
        }
        return new Outcomes(java, new Outcome(process.exitValue(), printed));
    }
}
