package dev.keyledger.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Lifecycle commands per second and their latency, over HTTP against the standalone service on its embedded
 * PostgreSQL (fsync on). Each worker drives whole client lifecycles: register, stage a secondary, promote it, delete
 * the old one, rotate, delete the old one, assign a role, disable, enable, delete.
 *
 * <p>Run: {@code scripts/bench LifecycleBenchmark [workers] [lifecyclesPerWorker] [warmupSeconds]} (defaults 8, 50
 * and 60). The warm-up runs the same workers for that long first: the JIT keeps compiling the write path for minutes,
 * and a measurement that starts cold counts the compiler's work and slow code as the service's cost. Besides the
 * rate and latencies it prints the CPU time per command of this JVM (the service and the benchmark's own HTTP client)
 * and of PostgreSQL, which the neighbours on a shared machine do not move as they move the rate.
 * {@code -Dbench.append-digest=off} drops the event store's append-digest trigger first (issue 12 item 5), to measure
 * what it costs the write path; Java system properties {@code -Dkeyledger.…} reach the service like its settings.
 */
public final class LifecycleBenchmark {

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Path dataDir = Files.createTempDirectory("keyledger-bench");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            AdminClient admin = keyledger.admin();
            admin.post("/api/v1/roles", "{\"name\":\"bench\",\"permissions\":[\"bench:run\"]}");
            if ("off".equals(System.getProperty("bench.append-digest"))) {
                keyledger.jdbc().sql("DROP TRIGGER keyledger_append_digest ON domainevententry").update();
            }
            long warmupEnds = System.nanoTime() + warmup.toNanos();
            do { // JIT, connection pool, PostgreSQL caches
                run(admin, new LatencyRecorder(), workers, 5);
            } while (System.nanoTime() < warmupEnds);
            LatencyRecorder recorder = new LatencyRecorder();
            ProcessCpu cpuBefore = ProcessCpu.now(dataDir);
            long started = System.nanoTime();
            run(admin, recorder, workers, lifecycles);
            double seconds = (System.nanoTime() - started) / 1e9;
            ProcessCpu cpu = ProcessCpu.now(dataDir).since(cpuBefore);
            System.out.printf(Locale.ROOT, "Keyledger lifecycle benchmark: JDK %s (%s), %d cores, %d workers x %d lifecycles"
                            + " after %d s of warm-up%n", Runtime.version(), System.getProperty("java.vm.vendor"),
                    Runtime.getRuntime().availableProcessors(), workers, lifecycles, warmup.toSeconds());
            System.out.printf(Locale.ROOT, "%d commands in %.2f s: %.0f commands/s%n",
                    recorder.count(), seconds, recorder.count() / seconds);
            System.out.printf(Locale.ROOT, "CPU per command: JVM (service and client) %.2f ms, PostgreSQL %.2f ms%n",
                    cpu.jvmNanos() / 1e6 / recorder.count(), cpu.postgresNanos() / 1e6 / recorder.count());
            System.out.print(recorder.report());
        }
    }

    private static void run(AdminClient admin, LatencyRecorder recorder, int workers, int lifecycles)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < lifecycles; i++) {
                        lifecycle(admin, recorder);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void lifecycle(AdminClient admin, LatencyRecorder recorder) {
        String id = timed(recorder, "register", 201, () -> admin.post("/api/v1/clients", "{\"name\":\"bench\"}"))
                .text("clientId");
        String path = "/api/v1/clients/" + id;
        AdminClient.Answer staged = timed(recorder, "add-secondary", 201, () -> admin.post(path + "/secrets", null));
        String oldPrimary = staged.json().at("/client/secrets/0/secretId").asText();
        timed(recorder, "promote", 200, () -> admin.post(path + "/secrets/" + staged.text("secretId") + "/promote", null));
        timed(recorder, "delete-secondary", 200, () -> admin.delete(path + "/secrets/" + oldPrimary));
        timed(recorder, "rotate", 201, () -> admin.post(path + "/secrets/rotate", null));
        timed(recorder, "delete-secondary", 200, () -> admin.delete(path + "/secrets/" + staged.text("secretId")));
        timed(recorder, "assign-role", 200, () -> admin.put(path + "/roles/bench"));
        timed(recorder, "disable", 200, () -> admin.post(path + "/disable", null));
        timed(recorder, "enable", 200, () -> admin.post(path + "/enable", null));
        timed(recorder, "delete-client", 200, () -> admin.delete(path));
    }

    private static AdminClient.Answer timed(LatencyRecorder recorder, String operation, int expected,
                                            Supplier<AdminClient.Answer> call) {
        long start = System.nanoTime();
        AdminClient.Answer answer = call.get();
        recorder.record(operation, System.nanoTime() - start);
        if (answer.status() != expected) {
            throw new IllegalStateException(operation + " answered " + answer);
        }
        return answer;
    }
}
