package dev.keyledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;

/**
 * A machine that keeps asking for tokens with the secret it was last given, counting every answer that is not a
 * token: what an operator's rotation must never break.
 */
final class Machine implements AutoCloseable {

    private final RunningKeyledger keyledger;
    private final String clientId;
    private final Duration pause;
    private final AtomicReference<String> secret;
    private final AtomicReference<Path> watched = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger successes = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread loop;

    /** Asks without pause. */
    Machine(RunningKeyledger keyledger, String clientId, String secret) {
        this(keyledger, clientId, secret, Duration.ZERO);
    }

    /** Pauses between requests, for tests that share the machine's cores with a browser. */
    Machine(RunningKeyledger keyledger, String clientId, String secret, Duration pause) {
        this.keyledger = keyledger;
        this.clientId = clientId;
        this.pause = pause;
        this.secret = new AtomicReference<>(secret);
        keyledger.tokenFor(clientId, secret);
        loop = new Thread(this::run);
        loop.start();
    }

    /** Switches to a new secret once it authenticates, as a deployment would after a staged secret is added. */
    void deploy(String newSecret) {
        waitUntil(() -> request(newSecret).status() == 200, Duration.ofSeconds(5));
        secret.set(newSecret);
    }

    /** Deploys whatever secret appears in this file once it authenticates, as a configuration agent would. */
    void watch(Path file) {
        watched.set(file);
    }

    void runFor(Duration duration) {
        RunningKeyledger.sleep(duration);
    }

    int successes() {
        return successes.get();
    }

    List<String> failures() {
        return failures;
    }

    String usedSecret() {
        return secret.get();
    }

    private void run() {
        while (running.get()) {
            takeUpWatchedSecret();
            AdminClient.Answer answer = request(secret.get());
            if (answer.status() == 200) {
                successes.incrementAndGet();
            } else {
                failures.add(answer.toString());
            }
            if (!pause.isZero()) {
                RunningKeyledger.sleep(pause);
            }
        }
    }

    private void takeUpWatchedSecret() {
        Path file = watched.get();
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            String candidate = Files.readString(file).strip();
            if (!candidate.isEmpty() && !candidate.equals(secret.get()) && request(candidate).status() == 200) {
                secret.set(candidate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdminClient.Answer request(String withSecret) {
        return keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials",
                "Authorization", basic(clientId, withSecret));
    }

    @Override
    public void close() {
        running.set(false);
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
