import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop admin writers for scripts/token-under-writes.sh: chains of register -> rotate -> change-details, one
 * command every 1/RATE s on the clock whatever the server answers (a slow server gets more commands in flight, not
 * fewer commands). A chain's next step waits for its previous answer; a step that starts more than 10 ms after its
 * slot is counted late, and its latency is counted from its slot, so slowness is never hidden.
 *
 *   java scripts/lib/AdminWriters.java BASE_URL ADMIN_TOKEN RATE SECONDS
 *   java scripts/lib/AdminWriters.java BASE_URL ADMIN_TOKEN < phases   (a line "RATE SECONDS" per phase)
 *
 * A RATE written {@code cN} (for example {@code c4}) runs N closed-loop writers instead, as issue 17 measured the
 * build before it: each runs its chains back to back, a command as soon as the previous one is answered, until the
 * phase's time is up; the rate is then whatever the server sustains, and latencies count from the send.
 *
 * Prints one line per phase: WRITES sent= ok= late= r429= r503= other= failed= p50_ms= p99_ms= max_ms= (latency from
 * the slot). Read from standard input, the phases run in one warm process, as an operator's long-running batch job
 * would: a new JVM per phase would spend its start-up and its JIT compilation inside the phase, on the cores the
 * token benchmark measures. Runs from source (java FILE): the benchmark compares two jars and must not depend on
 * either build's test classes.
 */
public final class AdminWriters {

    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"");
    private static final long LATE_NANOS = Duration.ofMillis(10).toNanos();
    /** The slot of a closed loop's steps: none, each is sent as soon as the one before it is answered. */
    private static final long UNSLOTTED = Long.MIN_VALUE;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;
    private ConcurrentLinkedQueue<Long> latencies;
    private Map<String, LongAdder> counts;
    private final AtomicInteger running = new AtomicInteger();

    private AdminWriters(String base, String token) {
        this.base = base;
        this.bearer = "Bearer " + token;
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        AdminWriters writers = new AdminWriters(args[0], args[1]);
        if (args.length > 2) {
            writers.run(args[2] + " " + args[3]);
            return;
        }
        BufferedReader phases = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String phase = phases.readLine(); phase != null; phase = phases.readLine()) {
            writers.run(phase);
        }
    }

    /** One phase, "RATE SECONDS" or "cN SECONDS", with counts of its own. */
    private void run(String phase) throws InterruptedException {
        String[] words = phase.trim().split("\\s+");
        long seconds = Long.parseLong(words[1]);
        latencies = new ConcurrentLinkedQueue<>();
        counts = new ConcurrentHashMap<>();
        if (words[0].startsWith("c")) {
            runClosed(Integer.parseInt(words[0].substring(1)), seconds);
            return;
        }
        double rate = Double.parseDouble(words[0]);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000;
        long chains = (long) (rate * seconds / 3);
        for (long c = 0; c < chains; c++) {
            long slot = start + 3 * c * interval;
            sleepUntil(slot);
            running.incrementAndGet();
            long n = c;
            Thread.startVirtualThread(() -> {
                try {
                    chain(n, slot, interval);
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        report(running.get());
    }

    /** {@code writers} closed loops of chains for {@code seconds}; a chain under way when the time is up finishes. */
    private void runClosed(int writers, long seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger next = new AtomicInteger();
        Thread[] loops = new Thread[writers];
        for (int w = 0; w < writers; w++) {
            loops[w] = Thread.startVirtualThread(() -> {
                while (System.nanoTime() - end < 0) {
                    chain(next.getAndIncrement(), UNSLOTTED, 0);
                }
            });
        }
        for (Thread loop : loops) {
            loop.join();
        }
        report(0);
    }

    private void chain(long n, long slot, long interval) {
        String registered = step(slot, "POST", "/api/v1/clients",
                "{\"name\":\"writer-" + n + "\",\"description\":\"token-under-writes\"}");
        Matcher id = registered == null ? null : CLIENT_ID.matcher(registered);
        if (id == null || !id.find()) {
            count("skipped", 2); // the chain's later steps have no client to act on
            return;
        }
        String client = "/api/v1/clients/" + id.group(1);
        if (step(slot + interval, "POST", client + "/secrets/rotate", null) == null) {
            count("skipped", 1);
            return;
        }
        step(slot + 2 * interval, "PATCH", client, "{\"description\":\"changed " + n + "\"}");
    }

    /** One command at its slot (or at once, late; a closed loop's at once); its body when it succeeded, else null. */
    private String step(long slot, String method, String path, String body) {
        if (slot == UNSLOTTED) {
            slot = System.nanoTime();
        }
        sleepUntil(slot);
        long began = System.nanoTime();
        if (began - slot > LATE_NANOS) {
            count("late", 1);
        }
        count("sent", 1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - slot);
            int status = answer.statusCode();
            if (status / 100 == 2) {
                count("ok", 1);
                return answer.body();
            }
            count(status == 429 ? "r429" : status == 503 ? "r503" : "other", 1);
            if (status != 429 && status != 503 && counts.get("other").sum() <= 3) {
                System.err.println("# " + method + " " + path + " -> " + status + " " + answer.body());
            }
            return null;
        } catch (Exception e) {
            count("failed", 1);
            return null;
        }
    }

    private void count(String what, long n) {
        counts.computeIfAbsent(what, k -> new LongAdder()).add(n);
    }

    private long counted(String what) {
        LongAdder adder = counts.get(what);
        return adder == null ? 0 : adder.sum();
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private void report(int unfinished) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("WRITES sent=%d ok=%d late=%d r429=%d r503=%d other=%d failed=%d skipped=%d unfinished=%d"
                        + " p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                counted("sent"), counted("ok"), counted("late"), counted("r429"), counted("r503"), counted("other"),
                counted("failed"), counted("skipped"), unfinished, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.flush();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
