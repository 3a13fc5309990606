package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Export speed of the audit trail: the whole store as NDJSON over HTTP ({@code Accept: application/x-ndjson}),
 * read line by line by a plain client, in events per second; and, for comparison, paging through the same
 * events as JSON pages of 1000.
 *
 * <p>Run: {@code scripts/bench AuditExportBenchmark [events] [data-dir] [rounds]} (default 200000 events, a new
 * temporary store, 1 round). A data folder that already holds a store is exported as it is, without appending: two
 * builds compared on one store see the same events, and neither pays for filling it. Each round exports the whole
 * store once after the warm-up; the rate of each is printed with the machine's load. Then the JSON pages, and the
 * evidence file of the whole chain (docs/AUDIT-EVIDENCE.md), once each.
 */
public final class AuditExportBenchmark {

    public static void main(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        Path dataDir = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("keyledger-bench");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "logging.level.root=WARN")) {
            // A new store holds only what the service wrote at its first start.
            if (keyledger.eventCount() < wanted / 2) {
                SyntheticEvents.append(keyledger, wanted);
            }
            long events = keyledger.eventCount();
            // The views and the chain catch up first, so that the export has the machine to itself.
            ViewsProgress.await(keyledger);
            // Read from the table: verifying the whole chain over HTTP takes longer than a request may on a slow build.
            Eventually.holds("every event linked into the hash chain", () -> keyledger.jdbc()
                    .sql("SELECT count(*) FROM audit_link").query(Long.class).single() >= events);
            URI base = URI.create("http://127.0.0.1:" + keyledger.port());
            HttpClient http = HttpClient.newHttpClient();
            String token = keyledger.newAdminToken();
            export(http, base, token); // warm-up
            System.out.printf(Locale.ROOT, "Keyledger audit export benchmark: JDK %s (%s), %d cores, %d events%n",
                    Runtime.version(), System.getProperty("java.vm.vendor"), Runtime.getRuntime().availableProcessors(),
                    events);
            long lines = 0;
            double ndjsonSeconds = 0;
            for (int round = 1; round <= rounds; round++) {
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                ProcessCpu cpuBefore = ProcessCpu.now(dataDir);
                long started = System.nanoTime();
                lines = export(http, base, token);
                ndjsonSeconds = (System.nanoTime() - started) / 1e9;
                ProcessCpu cpu = ProcessCpu.now(dataDir).since(cpuBefore);
                // CPU time says what an entry costs whatever the neighbours on the machine do to the wall clock.
                System.out.printf(Locale.ROOT, "NDJSON export round %d: %d entries in %.2f s, %.0f events/s "
                        + "(load average before: %.2f); CPU %.2f s JVM (service and reader) + %.2f s PostgreSQL, "
                        + "%.0f events per CPU second%n", round, lines, ndjsonSeconds, lines / ndjsonSeconds, load,
                        cpu.jvmNanos() / 1e9, cpu.postgresNanos() / 1e9,
                        lines / ((cpu.jvmNanos() + cpu.postgresNanos()) / 1e9));
            }

            long started = System.nanoTime();
            long paged = 0;
            String cursor = "";
            AdminClient admin = keyledger.admin();
            while (cursor != null) {
                JsonNode page = admin.send("GET", "/api/v1/audit/events?limit=1000" + cursor, null).json();
                paged += page.get("items").size();
                cursor = page.get("next").isNull() ? null : "&after=" + page.get("next").asLong();
            }
            double pagedSeconds = (System.nanoTime() - started) / 1e9;

            ProcessCpu evidenceCpuBefore = ProcessCpu.now(dataDir);
            started = System.nanoTime();
            long evidenceLines = lines(http, base.resolve("/api/v1/audit/evidence"), token);
            double evidenceSeconds = (System.nanoTime() - started) / 1e9;
            ProcessCpu evidenceCpu = ProcessCpu.now(dataDir).since(evidenceCpuBefore);

            System.out.printf(Locale.ROOT, "NDJSON export (last round): %d entries in %.1f s, %.0f events/s, "
                    + "heap peak %d MiB%n", lines, ndjsonSeconds, lines / ndjsonSeconds, peakHeapMiB());
            System.out.printf(Locale.ROOT, "JSON pages of 1000: %d entries in %.1f s, %.0f events/s%n",
                    paged, pagedSeconds, paged / pagedSeconds);
            System.out.printf(Locale.ROOT, "Evidence file of the whole chain: %d lines in %.1f s, %.0f lines/s; "
                    + "CPU %.2f s JVM + %.2f s PostgreSQL, %.0f lines per CPU second%n", evidenceLines,
                    evidenceSeconds, evidenceLines / evidenceSeconds, evidenceCpu.jvmNanos() / 1e9,
                    evidenceCpu.postgresNanos() / 1e9,
                    evidenceLines / ((evidenceCpu.jvmNanos() + evidenceCpu.postgresNanos()) / 1e9));
        }
    }

    /** The sum of each heap pool's peak use in this JVM (service and client): an upper bound of the heap's peak. */
    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static long export(HttpClient http, URI base, String token) throws Exception {
        return lines(http, base.resolve("/api/v1/audit/events"), token);
    }

    /** Reads an NDJSON answer line by line; returns how many lines it had. */
    private static long lines(HttpClient http, URI uri, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/x-ndjson")
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }
}
