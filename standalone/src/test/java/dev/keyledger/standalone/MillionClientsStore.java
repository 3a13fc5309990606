package dev.keyledger.standalone;

import dev.keyledger.kernel.id.ClientId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Builds, once, a standalone data folder holding {@code clients} registered clients (MillionClients) and one client
 * with a long history, projected by the real projectors into the client view, the role view and the client auth
 * view, and linked into the audit chain; then stops. The folder is kept for the measurements
 * (scripts/million-clients.sh), which start the service on it as an operator would. A folder already built is left
 * as it is; {@code store.properties} in it names what it holds.
 *
 * <p>Run: {@code scripts/bench MillionClientsStore <folder> [clients=1000000] [long-history events=10000]}.
 */
public final class MillionClientsStore {

    private static final long CHUNK = 100_000;
    private static final String VACUUMED = "vacuumed";

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long clients = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long history = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
        Path marker = folder.resolve("store.properties");
        if (Files.exists(marker)) {
            Properties built = new Properties();
            try (var in = Files.newBufferedReader(marker)) {
                built.load(in);
            }
            if (!built.containsKey(VACUUMED)) {
                try (RunningKeyledger keyledger = RunningKeyledger.start(folder, "logging.level.root=WARN")) {
                    vacuum(keyledger);
                }
                save(built, marker);
            }
            System.out.println("already built: " + built);
            return;
        }
        Files.createDirectories(folder);
        long started = System.nanoTime();
        try (RunningKeyledger keyledger = RunningKeyledger.start(folder, "logging.level.root=WARN")) {
            MillionClients generator = new MillionClients(keyledger);
            generator.roles();
            ClientId longHistory = generator.longHistory(history);
            for (long from = 0; from < clients; from += CHUNK) {
                generator.clients(from, Math.min(clients, from + CHUNK));
                System.out.printf(Locale.ROOT, "%.0f s: %d clients, %d events appended%n", seconds(started),
                        Math.min(clients, from + CHUNK), generator.appended());
            }
            double appendSeconds = seconds(started);
            ViewsProgress.await(keyledger);
            double projectedSeconds = seconds(started);
            awaitAuthView(keyledger, clients + 2); // and the long-history client and the bootstrap admin
            awaitChain(keyledger);
            double chainSeconds = seconds(started);
            Properties store = new Properties();
            store.setProperty("clients", Long.toString(clients));
            store.setProperty("events", Long.toString(generator.appended()));
            store.setProperty("long-history-client", longHistory.value());
            store.setProperty("long-history-events", Long.toString(history));
            vacuum(keyledger);
            save(store, marker);
            System.out.printf(Locale.ROOT, "%d events appended in %.0f s; views caught up at %.0f s (%.0f events/s);"
                            + " chain linked at %.0f s%n", generator.appended(), appendSeconds, projectedSeconds,
                    generator.appended() / projectedSeconds, chainSeconds);
        }
    }

    /**
     * As autovacuum leaves a store some time after a bulk load: dead row versions gone, the visibility map and the
     * planner's statistics current. Measured before that, every read pays for the load instead.
     */
    private static void vacuum(RunningKeyledger keyledger) {
        keyledger.jdbc().sql("VACUUM ANALYZE").update();
    }

    private static void save(Properties store, Path marker) throws IOException {
        store.setProperty(VACUUMED, "true");
        try (var out = Files.newBufferedWriter(marker)) {
            store.store(out, null);
        }
    }

    private static void awaitAuthView(RunningKeyledger keyledger, long rows) throws InterruptedException {
        while (keyledger.jdbc().sql("SELECT count(*) FROM query_client_auth").query(Long.class).single() < rows) {
            Thread.sleep(500);
        }
    }

    private static void awaitChain(RunningKeyledger keyledger) throws InterruptedException {
        while (keyledger.jdbc().sql("SELECT (SELECT coalesce(max(global_index), 0) FROM audit_link)"
                + " >= (SELECT max(globalindex) FROM domainevententry)").query(Boolean.class).single() != Boolean.TRUE) {
            Thread.sleep(500);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
