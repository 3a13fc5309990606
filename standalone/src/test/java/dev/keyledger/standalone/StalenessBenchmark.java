package dev.keyledger.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import static dev.keyledger.standalone.TokenEndpointTest.basic;

/**
 * The token endpoint's staleness bound (DESIGN.md decision 4): from the acknowledgement of a disable (or of a
 * secret's deletion) to the first refused token request, polling the token endpoint as fast as one client can.
 *
 * <p>Run: {@code scripts/bench StalenessBenchmark [trials]} (default 100 of each).
 */
public final class StalenessBenchmark {

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dataDir = Files.createTempDirectory("keyledger-staleness");
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            AdminClient admin = keyledger.admin();
            LatencyRecorder recorder = new LatencyRecorder();
            for (int i = 0; i < trials; i++) {
                AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"stale\"}");
                String id = registered.text("clientId");
                String secret = registered.text("clientSecret");
                keyledger.tokenFor(id, secret);
                long acknowledged = timedWrite(() -> admin.post("/api/v1/clients/" + id + "/disable", null));
                recorder.record("disable -> auth view row", untilDisabledInView(keyledger, id) - acknowledged);
                recorder.record("disable -> refused", untilRefused(keyledger, id, secret) - acknowledged);

                AdminClient.Answer other = admin.post("/api/v1/clients", "{\"name\":\"stale-secret\"}");
                String otherId = other.text("clientId");
                AdminClient.Answer staged = admin.post("/api/v1/clients/" + otherId + "/secrets", null);
                keyledger.tokenFor(otherId, staged.text("clientSecret"));
                long deleted = timedWrite(() -> admin.delete("/api/v1/clients/" + otherId + "/secrets/"
                        + staged.text("secretId") + "?force=true"));
                recorder.record("delete secret -> refused", untilRefused(keyledger, otherId, staged.text("clientSecret"))
                        - deleted);
            }
            System.out.printf(Locale.ROOT, "Keyledger staleness: JDK %s, %d trials each; time from the write's "
                    + "acknowledgement to the first refused token request%n", Runtime.version(), trials);
            System.out.print(recorder.report());
        }
    }

    /** The instant (nanoTime) the write was acknowledged. */
    private static long timedWrite(Supplier<AdminClient.Answer> write) {
        AdminClient.Answer answer = write.get();
        long at = System.nanoTime();
        if (answer.status() != 200) {
            throw new IllegalStateException("write failed: " + answer);
        }
        return at;
    }

    private static long untilDisabledInView(RunningKeyledger keyledger, String id) {
        while (!"DISABLED".equals(keyledger.jdbc().sql("SELECT status FROM query_client_auth WHERE client_id = ?")
                .param(id).query(String.class).single())) {
            Thread.onSpinWait();
        }
        return System.nanoTime();
    }

    private static long untilRefused(RunningKeyledger keyledger, String id, String secret) {
        while (true) {
            AdminClient.Answer answer = keyledger.anonymous().form("/oauth2/token", "grant_type=client_credentials",
                    "Authorization", basic(id, secret));
            if (answer.status() == 401) {
                return System.nanoTime();
            }
        }
    }
}
