package dev.keyledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone service in a JVM of its own, started from the test class path with environment variables as a user
 * sets them, its console output (stdout and stderr) written to a file (reading a pipe while the process exits may lose
 * its last lines): what an operator's log collector would see. Stopped with SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path console;
    private final int port;

    private ServiceProcess(Process process, Path console, int port) {
        this.process = process;
        this.console = console;
        this.port = port;
    }

    static ServiceProcess start(Path dataDir, Map<String, String> settings) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                KeyledgerApplication.class.getName()).redirectErrorStream(true);
        Path console = dataDir.resolveSibling(dataDir.getFileName() + "-console.log");
        builder.redirectOutput(console.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(freePort()));
        environment.put("KEYLEDGER_DATA_DIR", dataDir.toString());
        environment.put("KEYLEDGER_BOOTSTRAP_CLIENT_ID", RunningKeyledger.ADMIN_ID);
        environment.put("KEYLEDGER_BOOTSTRAP_CLIENT_SECRET", RunningKeyledger.ADMIN_SECRET);
        environment.putAll(settings);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), console, port);
            service.awaitUp();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Sends SIGTERM, waits for the JVM to exit, and answers every line it wrote. */
    List<String> stop() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not exit within 90 s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return lines();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void awaitUp() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited: " + String.join("\n", lines()));
            }
            try {
                http.send(HttpRequest.newBuilder(baseUri().resolve("/.well-known/jwks.json")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                RunningKeyledger.sleep(Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new AssertionError("the service did not listen within 120 s");
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
