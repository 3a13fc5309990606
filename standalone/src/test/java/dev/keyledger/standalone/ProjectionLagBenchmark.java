package dev.keyledger.standalone;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Lag from a command's acknowledgement (the HTTP answer of the write) to its effect in the client view and in the
 * client auth view, each polled in PostgreSQL every 0.1 ms from the moment the answer arrived. One writer, so that
 * the lag of the projection is measured, not the queueing of many writes.
 *
 * <p>Run: {@code scripts/bench ProjectionLagBenchmark [writes]} (default 2000).
 */
public final class ProjectionLagBenchmark {

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dataDir = Files.createTempDirectory("keyledger-bench");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            AdminClient admin = keyledger.admin();
            JdbcClient db = keyledger.jdbc();
            run(admin, db, 200, new LatencyRecorder()); // warm-up
            LatencyRecorder recorder = new LatencyRecorder();
            run(admin, db, writes, recorder);
            System.out.printf(Locale.ROOT, "Keyledger projection lag benchmark: JDK %s (%s), %d cores, %d writes%n",
                    Runtime.version(), System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                    writes);
            System.out.print(recorder.report());
        }
    }

    private static void run(AdminClient admin, JdbcClient db, int writes, LatencyRecorder recorder) {
        String path = null;
        for (int i = 0; i < writes; i++) {
            AdminClient.Answer answer;
            if (i % 50 == 0) {
                answer = admin.post("/api/v1/clients", "{\"name\":\"lag\"}");
                path = "/api/v1/clients/" + answer.text("clientId");
            } else {
                answer = admin.post(path + (i % 2 == 0 ? "/enable" : "/disable"), null);
            }
            long acknowledged = System.nanoTime();
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("write answered " + answer);
            }
            String id = answer.text("clientId");
            long version = answer.version();
            boolean view = false;
            boolean auth = false;
            while (!view || !auth) {
                if (!view && reached(db, "query_client", id, version)) {
                    recorder.record("client view", System.nanoTime() - acknowledged);
                    view = true;
                }
                if (!auth && reached(db, "query_client_auth", id, version)) {
                    recorder.record("client auth view", System.nanoTime() - acknowledged);
                    auth = true;
                }
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private static boolean reached(JdbcClient db, String table, String id, long version) {
        return db.sql("SELECT count(*) FROM " + table + " WHERE client_id = ? AND version >= ?")
                .params(id, version).query(Long.class).single() > 0;
    }
}
