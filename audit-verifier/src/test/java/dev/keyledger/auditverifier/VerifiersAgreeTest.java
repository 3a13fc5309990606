package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java verifier and the Python reference (scripts/verify-audit-evidence.py) given the same damaged or malformed
 * files, the kind a careless export, a hostile one or a broken sync produces: both must give the same exit code and
 * the same first fault, never call such a file intact, and neither may crash (a Python traceback or a Java stack
 * trace is a verifier that a compliance engineer cannot trust).
 */
class VerifiersAgreeTest {

    static Stream<Arguments> damages() {
        return Stream.of(
                damage("a line that is a JSON array", lines -> set(lines, 2, "[1,2]")),
                damage("a line that is a JSON string", lines -> set(lines, 2, "\"event\"")),
                damage("a line that is not JSON", lines -> set(lines, 2, "{\"kind\":\"event\",")),
                damage("an empty line among the events", lines -> set(lines, 2, "")),
                damage("a position written as a string", lines -> position(lines, "\"2\"")),
                damage("a position written as a decimal", lines -> position(lines, "2.0")),
                damage("a position beyond 64 bits", lines -> position(lines, "99999999999999999999999")),
                damage("a negative position", lines -> position(lines, "-2")),
                damage("a stored digest with spaces", lines -> digestSpaced(lines, 2)),
                damage("a link in upper case", lines -> linkUpper(lines, 2)),
                damage("a link of the wrong length", lines -> linkShort(lines, 2)),
                damage("an entry that is a list", lines -> entryReplaced(lines, 2, List.of(1))),
                damage("an entry that is a string", lines -> entryReplaced(lines, 2, "role.created")),
                damage("a position that is NaN", lines -> position(lines, "NaN")),
                damage("a header whose previous position is a string",
                        lines -> replace(lines, 0, "\"previousPosition\":0", "\"previousPosition\":\"0\"")),
                damage("a closing line whose count is a string",
                        lines -> replace(lines, lines.size() - 1, "\"lines\":6", "\"lines\":\"6\"")),
                damage("a line of unknown kind", lines -> replace(lines, 2, "\"kind\":\"event\"", "\"kind\":\"evnt\"")),
                damage("a line without kind", lines -> replace(lines, 2, "\"kind\":\"event\",", "")),
                damage("a checkpoint line whose checkpoint is a string",
                        lines -> insert(lines, 1, "{\"checkpoint\":\"signed\",\"kind\":\"checkpoint\"}")),
                damage("a checkpoint line whose checkpoint is a list",
                        lines -> insert(lines, 1, "{\"checkpoint\":[1],\"kind\":\"checkpoint\"}")),
                damage("an empty file", lines -> new ArrayList<>()),
                damage("only the header", lines -> new ArrayList<>(lines.subList(0, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void whenBothVerifiersReadTheSameDamagedFile_thenTheyAgree(String name, UnaryOperator<List<String>> damage,
                                                              @TempDir Path directory) throws Exception {
        Path evidence = Files.write(directory.resolve("evidence.ndjson"), damage.apply(WrittenEvidence.chained(5)),
                StandardCharsets.UTF_8);
        Path keys = Files.writeString(directory.resolve("keys.json"), "{\"keys\":[]}");

        Run java = java(evidence, keys);
        Run python = python(evidence, keys);

        assertThat(python.output()).as("python").doesNotContain("Traceback");
        assertThat(java.output()).as("java").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(java.exit()).as("java: " + java.output()).isIn(Main.FAULTY, Main.UNUSABLE);
        assertThat(python.exit()).as("python: " + python.output() + "\njava: " + java.output()).isEqualTo(java.exit());
        assertThat(python.firstLine()).as("python: " + python.output() + "\njava: " + java.output())
                .isEqualTo(java.firstLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedDamages")
    void whenAPublishedCheckpointFileIsDamaged_thenBothVerifiersSayItCannotBeUsed(String name, String content,
                                                                                @TempDir Path directory)
            throws Exception {
        Path evidence = Files.write(directory.resolve("evidence.ndjson"), WrittenEvidence.chained(5),
                StandardCharsets.UTF_8);
        Path keys = Files.writeString(directory.resolve("keys.json"), "{\"keys\":[]}");
        Path published = Files.writeString(directory.resolve("checkpoint-1.json"), content);

        Run java = java(evidence, keys, published);
        Run python = python(evidence, keys, published);

        assertThat(python.output()).as("python").doesNotContain("Traceback");
        assertThat(java.exit()).as("java: " + java.output()).isIn(Main.FAULTY, Main.UNUSABLE);
        assertThat(python.exit()).as("python: " + python.output() + "\njava: " + java.output()).isEqualTo(java.exit());
        assertThat(python.firstLine()).as("python: " + python.output() + "\njava: " + java.output())
                .isEqualTo(java.firstLine());
    }

    static Stream<Arguments> publishedDamages() {
        return Stream.of(
                Arguments.of("a JSON array", "[1,2]"),
                Arguments.of("a JSON number", "42"),
                Arguments.of("not JSON", "{\"position\":"),
                Arguments.of("a checkpoint without its fields", "{\"checkpoint\":{\"position\":\"1\"}}"),
                Arguments.of("a CloudEvent whose data is a list", "{\"data\":[1]}"));
    }

    private record Run(int exit, String output) {

        /** The verdict's first line, what a reader acts on; "cannot verify" lines differ in their reason. */
        String firstLine() {
            String first = output.lines().findFirst().orElse("");
            return first.startsWith("cannot verify") ? "cannot verify" : first.replaceAll(": .*", "");
        }
    }

    private static Run java(Path... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = Main.run(Stream.of(files).map(Path::toString).toArray(String[]::new), print, print);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static Run python(Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                Path.of("..", "scripts", "verify-audit-evidence.py").toString()));
        Stream.of(files).map(Path::toString).forEach(command::add);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static Arguments damage(String name, UnaryOperator<List<String>> damage) {
        return Arguments.of(name, damage);
    }

    private static List<String> set(List<String> lines, int index, String line) {
        lines.set(index, line);
        return lines;
    }

    private static List<String> insert(List<String> lines, int index, String line) {
        lines.add(index, line);
        lines.set(lines.size() - 1, "{\"kind\":\"end\",\"lines\":" + (lines.size() - 1) + "}");
        return lines;
    }

    /** The second event's position written as {@code written}. */
    private static List<String> position(List<String> lines, String written) {
        return replace(lines, 2, "\"position\":2", "\"position\":" + written);
    }

    private static List<String> replace(List<String> lines, int index, String from, String to) {
        assertThat(lines.get(index)).contains(from);
        lines.set(index, lines.get(index).replace(from, to));
        return lines;
    }

    private static List<String> digestSpaced(List<String> lines, int index) {
        String digest = field(lines.get(index), "storedDigest");
        return replace(lines, index, digest, digest.substring(0, 8) + " " + digest.substring(8));
    }

    private static List<String> linkUpper(List<String> lines, int index) {
        String link = field(lines.get(index), "link");
        return replace(lines, index, link, link.toUpperCase(Locale.ROOT));
    }

    private static List<String> linkShort(List<String> lines, int index) {
        String link = field(lines.get(index), "link");
        return replace(lines, index, link, link.substring(2));
    }

    private static List<String> entryReplaced(List<String> lines, int index, Object entry) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = new ObjectMapper().readValue(lines.get(index), Map.class);
            line.put("entry", entry);
            return set(lines, index, CanonicalJson.text(line));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String line, String name) {
        try {
            return new ObjectMapper().readTree(line).get(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
