package dev.keyledger.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replay speed of the views' projection (client view, role view; the auth view is not rebuilt by a replay), in
 * events per second, over a store filled with synthetic client lifecycles. Also prints how fast the live processor
 * projected them when they were appended, and how fast the hash chain linked them.
 *
 * <p>Run: {@code scripts/bench ReplayBenchmark [events] [warm-up replays]} (defaults 200000 and 1). The measured
 * replay follows as many unmeasured ones: a replay of this store takes seconds, and the first one of a service spends
 * them largely in code the JIT has not compiled yet, where a replay of a long history runs compiled code throughout.
 */
public final class ReplayBenchmark {

    public static void main(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int warmupReplays = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dataDir = Files.createTempDirectory("keyledger-bench");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            ProcessCpu appendCpu = ProcessCpu.now(dataDir);
            long started = System.nanoTime();
            long events = SyntheticEvents.append(keyledger, wanted);
            double appendSeconds = seconds(started);
            ViewsProgress.await(keyledger);
            double liveSeconds = seconds(started);
            awaitChain(keyledger);
            double chainSeconds = seconds(started);
            appendCpu = ProcessCpu.now(dataDir).since(appendCpu);

            for (int i = 0; i < warmupReplays; i++) {
                replay(keyledger);
            }
            ProcessCpu replayCpu = ProcessCpu.now(dataDir);
            long replayStarted = System.nanoTime();
            replay(keyledger);
            double replaySeconds = seconds(replayStarted);
            replayCpu = ProcessCpu.now(dataDir).since(replayCpu);

            System.out.printf(Locale.ROOT, "Keyledger replay benchmark: JDK %s (%s), %d cores, %d events%n",
                    Runtime.version(), System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                    events);
            System.out.printf(Locale.ROOT, "append (storage engine, batches of 1000): %.1f s, %.0f events/s%n",
                    appendSeconds, events / appendSeconds);
            System.out.printf(Locale.ROOT, "live projection, from first append to caught up: %.1f s, %.0f events/s%n",
                    liveSeconds, events / liveSeconds);
            System.out.printf(Locale.ROOT, "audit chain linked, from first append: %.1f s, %.0f events/s%s "
                    + "(append, live projection and chain)%n", chainSeconds, events / chainSeconds,
                    appendCpu.perEvent(events));
            System.out.printf(Locale.ROOT, "replay (reset to caught up, after %d unmeasured): %.1f s, %.0f events/s%s%n",
                    warmupReplays, replaySeconds, events / replaySeconds, replayCpu.perEvent(events));
        }
    }

    /** Asks for a replay of the views and waits until they are caught up again. */
    private static void replay(RunningKeyledger keyledger) throws InterruptedException {
        AdminClient.Answer answer = keyledger.admin().post("/api/v1/projections/query-views/replay", null);
        if (answer.status() != 202) {
            throw new IllegalStateException("replay answered " + answer);
        }
        Thread.sleep(200); // let the status show the replay before polling for its end
        ViewsProgress.await(keyledger);
    }

    private static void awaitChain(RunningKeyledger keyledger) throws InterruptedException {
        while (keyledger.jdbc().sql("SELECT (SELECT coalesce(max(global_index), 0) FROM audit_link)"
                + " >= (SELECT max(globalindex) FROM domainevententry)").query(Boolean.class).single() != Boolean.TRUE) {
            Thread.sleep(50);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
