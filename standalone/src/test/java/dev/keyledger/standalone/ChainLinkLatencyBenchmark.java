package dev.keyledger.standalone;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Time from a write's acknowledgement (its events are committed) to the audit chain's link of its last event, polled
 * in PostgreSQL every 0.1 ms: how long an event stays in {@code unlinkedEvents} (issue 12 item 5). One writer.
 *
 * <p>Run: {@code scripts/bench ChainLinkLatencyBenchmark [writes]} (default 300).
 */
public final class ChainLinkLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dataDir = Files.createTempDirectory("keyledger-bench");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            run(admin, db, 20, new LatencyRecorder()); // warm-up
            LatencyRecorder recorder = new LatencyRecorder();
            run(admin, db, writes, recorder);
            System.out.printf(Locale.ROOT, "Keyledger chain link latency benchmark: JDK %s (%s), %d cores, %d writes%n",
                    Runtime.version(), System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                    writes);
            System.out.print(recorder.report());
        }
    }

    private static void run(AdminClient admin, JdbcClient db, int writes, LatencyRecorder recorder) {
        String path = null;
        for (int i = 0; i < writes; i++) {
            AdminClient.Answer answer = i % 50 == 0
                    ? admin.post("/api/v1/clients", "{\"name\":\"linked\"}")
                    : admin.post(path + (i % 2 == 0 ? "/enable" : "/disable"), null);
            long acknowledged = System.nanoTime();
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("write answered " + answer);
            }
            path = "/api/v1/clients/" + answer.text("clientId");
            long position = db.sql("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?")
                    .param(answer.text("clientId")).query(Long.class).single();
            while (db.sql("SELECT count(*) FROM audit_link WHERE global_index = ?").param(position)
                    .query(Long.class).single() == 0) {
                LockSupport.parkNanos(100_000);
            }
            recorder.record("append → chain link", System.nanoTime() - acknowledged);
        }
    }
}
