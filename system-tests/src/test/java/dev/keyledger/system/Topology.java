package dev.keyledger.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The distributed topology, started once for every test class that uses this extension, with {@code scripts/topology}
 * (the same script a user runs), and stopped by it when the last test is done. Tests stop, kill and restart its parts
 * through the script too. Needs nginx, kcat and a PostgreSQL server installed; without them the tests are skipped,
 * unless {@code KEYLEDGER_TOPOLOGY_REQUIRED=true} (as in {@code .ci/run}), which makes a missing tool a failure.
 */
final class Topology implements BeforeAllCallback {

    private static final Path REPOSITORY = repository();
    private static final Path SCRIPT = REPOSITORY.resolve("scripts/topology");
    private static final Path RUN_DIR = REPOSITORY.resolve("system-tests/target/topology");

    private static Map<String, String> settings;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (up()) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(Topology.class, (ExtensionContext.Store.CloseableResource) Topology::down);
        }
    }

    /**
     * Starts a new topology (with empty PostgreSQL and Kafka, so that counts of duplicates mean this run) unless
     * this JVM runs one already; {@code true} if this call started it.
     */
    static synchronized boolean up() {
        if (settings != null) {
            return false;
        }
        requireTools();
        script("down");
        deleteRecursively(RUN_DIR);
        script("up");
        settings = readSettings();
        return true;
    }

    static synchronized void down() {
        script("down");
        settings = null;
    }

    static URI proxy() {
        return URI.create(setting("KEYLEDGER_URL"));
    }

    static URI commandNode() {
        return URI.create(setting("KEYLEDGER_COMMAND_URL"));
    }

    static List<URI> tokenNodes() {
        return uris("KEYLEDGER_TOKEN_URLS");
    }

    static List<URI> queryNodes() {
        return uris("KEYLEDGER_QUERY_URLS");
    }

    /** Each node's management URL (health, metrics) by its part name: command, query-1, query-2, token-1, token-2. */
    static Map<String, URI> managementNodes() {
        Map<String, URI> nodes = new LinkedHashMap<>();
        for (String pair : setting("KEYLEDGER_MANAGEMENT_URLS").split(",")) {
            int equals = pair.indexOf('=');
            nodes.put(pair.substring(0, equals), URI.create(pair.substring(equals + 1)));
        }
        return nodes;
    }

    /**
     * The topology's Prometheus, scraping every node's management port; empty when scripts/topology ran without one
     * (no {@code prometheus} installed and {@code KEYLEDGER_TOPOLOGY_REQUIRED} not set).
     */
    static Optional<URI> prometheus() {
        return Optional.ofNullable(settings.get("KEYLEDGER_PROMETHEUS_URL")).map(URI::create);
    }

    /** Where the script keeps the topology's data and logs, one folder per part under {@code data}. */
    static Path runDir() {
        return RUN_DIR;
    }

    static String kafkaBootstrap() {
        return setting("KEYLEDGER_KAFKA_BOOTSTRAP");
    }

    static String topic() {
        return setting("KEYLEDGER_KAFKA_TOPIC");
    }

    static String adminId() {
        return setting("KEYLEDGER_ADMIN_ID");
    }

    static String adminSecret() {
        return setting("KEYLEDGER_ADMIN_SECRET");
    }

    /** Stops a part gracefully (SIGTERM; PostgreSQL's fast shutdown). */
    static void stop(String part) {
        script("stop", part);
    }

    /** Kills a part as a crash would (SIGKILL). */
    static void kill(String part) {
        script("stop", part, "--kill");
    }

    /** Starts a part again and waits until it answers. */
    static void start(String part) {
        script("start", part);
    }

    /** The process id of a running part (its JVM for a service node), as the script recorded it. */
    static long pid(String part) {
        try {
            return Long.parseLong(Files.readString(RUN_DIR.resolve("pids").resolve(part)).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows a query answers in the topology's PostgreSQL, columns separated by {@code |}, through {@code psql} on
     * the server's own socket (local connections are trusted there; nothing else reaches it).
     */
    static List<String> sql(String query) {
        String psql = Files.isExecutable(Path.of("/usr/bin/psql")) ? "/usr/bin/psql" : "psql";
        ProcessBuilder builder = new ProcessBuilder(psql, "-h", setting("KEYLEDGER_PG_SOCKET_DIR"),
                "-p", setting("KEYLEDGER_PG_PORT"), "-U", "keyledger", "-d", "keyledger", "-X", "-q", "-t", "-A",
                "-F", "|", "-c", query).redirectErrorStream(true);
        try {
            Process process = builder.start();
            List<String> rows = new String(process.getInputStream().readAllBytes()).lines()
                    .filter(line -> !line.isBlank()).toList();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + rows);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " missing from " + RUN_DIR.resolve("topology.env"));
        }
        return value;
    }

    private static List<URI> uris(String name) {
        return Arrays.stream(setting(name).split(",")).map(URI::create).toList();
    }

    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("nginx", "kcat")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
            missing.add("PostgreSQL server (/usr/lib/postgresql)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the topology needs " + missing + " (apt-get install nginx-light kcat postgresql)";
        if (Boolean.parseBoolean(System.getenv("KEYLEDGER_TOPOLOGY_REQUIRED"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message + "; skipped");
    }

    private static boolean onPath(String tool) {
        // Debian puts nginx in /usr/sbin, which a user's PATH often lacks; scripts/topology looks there too.
        return Arrays.stream((System.getenv().getOrDefault("PATH", "") + ":/usr/sbin").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static void script(String... arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).inheritIO();
        builder.environment().put("KEYLEDGER_TOPOLOGY_DIR", RUN_DIR.toString());
        // Apart from the default ports, so that a topology a developer runs by hand does not collide; a run that
        // shares the machine with others names its own.
        builder.environment().putIfAbsent("KEYLEDGER_TOPOLOGY_BASE_PORT", "19000");
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/topology " + String.join(" ", arguments)
                        + " failed; logs in " + RUN_DIR.resolve("logs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** A file of the repository the topology runs from (its scripts, its deploy folder). */
    static Path repositoryFile(String relativePath) {
        return REPOSITORY.resolve(relativePath);
    }

    /** The repository root: the working directory (a benchmark run from there) or its parent (Maven's module dir). */
    private static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("scripts/topology")) ? here : here.getParent();
    }

    private static Map<String, String> readSettings() {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(RUN_DIR.resolve("topology.env"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
