package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NDJSON export of the audit trail (docs/DECISIONS.md 62), over real HTTP: it is never cut short silently (a
 * failure after the first line breaks the transfer, which the client sees as an error), no async timeout ends it, it
 * runs on connections of its own with a bounded number at once (beyond it {@code 503} with {@code Retry-After}), and
 * its memory does not grow with the number of events.
 */
// Not @KeyledgerService: appends 100,000 synthetic events, counts the whole store and terminates database sessions.
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEAP_GROWTH_BOUND = 16L << 20;

    @TempDir
    Path dataDir;

    @Test
    void whenAnExportOutlastsTheAsyncTimeout_thenItIsCompleteAndTheHeapDoesNotGrowWithIt() throws Exception {
        // Streamed through an async request, the export was cut off at this timeout (30 s by default).
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "spring.mvc.async.request-timeout=PT1S")) {
            SyntheticEvents.append(keyledger, 100_000);
            ViewsProgress.await(keyledger);
            long stored = keyledger.eventCount();
            // The chain's linker reads the new events too; the heap is measured once it is done.
            Eventually.holds("every event linked into the hash chain", () -> keyledger.admin()
                    .send("GET", "/api/v1/audit/verify", null).json().get("checkedEvents").asLong() >= stored);
            String token = keyledger.newAdminToken();

            Export small = measuredExport(keyledger, token, "?limit=20000");
            long started = System.nanoTime();
            Export whole = measuredExport(keyledger, token, "");
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(small.lines()).isEqualTo(20_000);
            assertThat(whole.lines()).isEqualTo(stored);
            assertThat(seconds).as("read for longer than the async timeout").isGreaterThanOrEqualTo(1);
            // Held in memory, the 80,000 events more would take well over 100 MB more, on every export. The heap of
            // this JVM also serves the rest of the service, and on a loaded machine one sample can catch garbage a
            // background task still holds: the least of up to three exports counts.
            long growth = whole.peakHeapGrowth() - small.peakHeapGrowth();
            for (int retry = 0; retry < 2 && growth >= HEAP_GROWTH_BOUND; retry++) {
                growth = Math.min(growth, measuredExport(keyledger, token, "").peakHeapGrowth()
                        - small.peakHeapGrowth());
            }
            assertThat(growth).as("heap growth of 100,000 events over that of 20,000, bytes")
                    .isLessThan(HEAP_GROWTH_BOUND);
        }
    }

    /** How many lines an export gave, and the most the live heap grew over its start, sampled every 5,000 lines. */
    private record Export(long lines, long peakHeapGrowth) {
    }

    private static Export measuredExport(RunningKeyledger keyledger, String token, String query) throws Exception {
        long baseline = heapAfterGc();
        long peak = baseline;
        HttpResponse<InputStream> response = export(keyledger, token, query);
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        try (BufferedReader reader = reader(response)) {
            while (reader.readLine() != null) {
                if (++lines % 5_000 == 0) {
                    peak = Math.max(peak, heapAfterGc());
                }
            }
        }
        return new Export(lines, peak - baseline);
    }

    @Test
    void whenExportsRunOrFail_thenTheyAreBoundedAndAFailureIsNeverSilent() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            SyntheticEvents.append(keyledger, 60_000);
            ViewsProgress.await(keyledger);
            long stored = keyledger.eventCount();
            String token = keyledger.newAdminToken();

            // Two exports (the default capacity) that have sent their first line and wait for their clients.
            HttpResponse<InputStream> first = export(keyledger, token);
            BufferedReader firstReader = reader(first);
            assertThat(firstReader.readLine()).startsWith("{");
            HttpResponse<InputStream> second = export(keyledger, token);
            BufferedReader secondReader = reader(second);
            assertThat(secondReader.readLine()).startsWith("{");

            HttpResponse<InputStream> third = export(keyledger, token);
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(third.body());
            assertThat(problem.get("type").asText()).endsWith("/exports-busy");

            // The projections and the admin API keep their connections meanwhile.
            AdminClient.Answer registered = keyledger.admin().post("/api/v1/clients", "{\"name\":\"meanwhile\"}");
            Eventually.holds("the new client in the client view", () -> keyledger.admin()
                    .send("GET", "/api/v1/clients/" + registered.text("clientId"), null).status() == 200);

            // The database ends the first export's session (a failover, an administrator): its client must see
            // a broken transfer, not a shorter file that looks complete.
            List<Integer> exportSessions = keyledger.jdbc().sql("""
                            SELECT pid FROM pg_stat_activity
                            WHERE query LIKE 'SELECT globalindex%' AND state <> 'idle'""")
                    .query(Integer.class).list();
            assertThat(exportSessions).hasSize(2);
            keyledger.jdbc().sql("SELECT pg_terminate_backend(?)").param(exportSessions.get(0)).query().listOfRows();
            keyledger.jdbc().sql("SELECT pg_terminate_backend(?)").param(exportSessions.get(1)).query().listOfRows();
            assertThatThrownBy(() -> readAll(firstReader)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> readAll(secondReader)).isInstanceOf(IOException.class);

            // Their slots are free again, and an export runs to its end.
            long storedNow = keyledger.eventCount();
            HttpResponse<InputStream> again = export(keyledger, token);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(readAll(reader(again))).isGreaterThanOrEqualTo(storedNow).isGreaterThan(stored);
        }
    }

    private static HttpResponse<InputStream> export(RunningKeyledger keyledger, String token) throws Exception {
        return export(keyledger, token, "");
    }

    private static HttpResponse<InputStream> export(RunningKeyledger keyledger, String token, String query)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(keyledger.baseUri() + "/api/v1/audit/events" + query))
                .header("Accept", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static long readAll(BufferedReader reader) throws IOException {
        long lines = 0;
        try (reader) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
