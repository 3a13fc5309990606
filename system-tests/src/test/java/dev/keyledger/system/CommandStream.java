package dev.keyledger.system;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An operator's stream of commands through the proxy while a fault happens: registrations at a steady pace, each
 * acknowledged one (201) remembered with the time of its acknowledgement, every refusal counted by status.
 */
final class CommandStream implements AutoCloseable {

    private final KeyledgerApi api = KeyledgerApi.admin();
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** A registration the service acknowledged, and when (System.nanoTime()). */
    record Acknowledged(String clientId, long atNanos) {
    }

    CommandStream(String name, long pauseMillis) {
        thread = new Thread(() -> {
            int n = 0;
            while (running) {
                register(name + "-" + n++);
                Eventually.sleep(pauseMillis);
            }
        }, "command-stream");
        thread.start();
    }

    private void register(String name) {
        try {
            KeyledgerApi.Answer answer = api.post("/api/v1/clients", Map.of("name", name));
            if (answer.status() == 201) {
                acknowledged.add(new Acknowledged(answer.text("clientId"), System.nanoTime()));
            } else {
                refusals.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
                if (answer.status() != 503) {
                    System.out.printf("command stream: %d %s%n", answer.status(), answer.body());
                }
            }
        } catch (UncheckedIOException e) {
            refusals.computeIfAbsent(0, status -> new AtomicLong()).incrementAndGet();
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Refused or failed commands by HTTP status (0: no answer at all). */
    Map<Integer, Long> refusals() {
        Map<Integer, Long> counts = new TreeMap<>();
        refusals.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
