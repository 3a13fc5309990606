package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a node, as an orchestrator stops one (through {@code scripts/topology stop}): a token-endpoint node
 * stops taking requests and answers those in flight while the proxy sends the rest to the other node, so clients
 * requesting tokens without pause see no failure; a query-side node releases its processors' segments as it stops,
 * and the other node takes them at once, not after the claim timeout.
 */
@ExtendWith(Topology.class)
class GracefulShutdownTest {

    private static final int CLIENTS = 4;

    @Test
    void whenATokenNodeIsStoppedAndStartedWhileClientsRequestTokens_thenNoRequestFails() throws Exception {
        KeyledgerApi.Answer client = KeyledgerApi.admin().register("graceful-token-client");
        String clientId = client.text("clientId");
        String secret = client.text("clientSecret");
        for (var node : Topology.tokenNodes()) {
            Eventually.get(Duration.ofSeconds(30), () -> KeyledgerApi.token(node, clientId, secret).status(),
                    status -> status == 200, "a token from " + node);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong issued = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        KeyledgerApi.Answer answer = KeyledgerApi.token(Topology.proxy(), clientId, secret);
                        if (answer.status() == 200) {
                            issued.incrementAndGet();
                        } else {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            Eventually.sleep(2_000);
            long beforeStop = issued.get();
            Topology.stop("token-1");
            long whileStopping = issued.get() - beforeStop;
            Topology.start("token-1");
            long afterStart = issued.get();
            Eventually.sleep(3_000);
            System.out.printf("token-1 stopped and started: %d tokens issued in all, %d while it stopped, %d after"
                    + " it started; %d failures%n", issued.get(), whileStopping, issued.get() - afterStart,
                    failures.size());
            assertThat(whileStopping).as("tokens issued while token-1 stopped").isPositive();
            assertThat(issued.get()).as("tokens issued after token-1 started again").isGreaterThan(afterStart);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(failures).as("token requests that failed").isEmpty();
        assertThat(KeyledgerApi.token(Topology.tokenNodes().get(0), clientId, secret).status())
                .as("token-1 issues again").isEqualTo(200);
    }

    @Test
    void whenAQueryNodeIsStopped_thenTheOtherTakesItsSegmentsWithinTwoSeconds() throws Exception {
        String stopping = Topology.pid("query-1") + "@";
        Map<String, String> before = Eventually.get(Duration.ofSeconds(60), GracefulShutdownTest::owners,
                owners -> owners.values().stream().anyMatch(owner -> owner.startsWith(stopping))
                        && owners.values().stream().anyMatch(owner -> !owner.isEmpty() && !owner.startsWith(stopping)),
                "segments shared by both query nodes");
        String survivor = before.values().stream().filter(owner -> !owner.isEmpty() && !owner.startsWith(stopping))
                .findFirst().orElseThrow();

        // SIGTERM sent here, as the script sends it, so that the clock starts when the node is told (a bash script
        // starting on a loaded machine took most of 2 s before its kill); the script then waits for the exit as usual.
        ProcessHandle node = ProcessHandle.of(Topology.pid("query-1")).orElseThrow();
        long stopAt = System.nanoTime();
        assertThat(node.destroy()).as("SIGTERM sent").isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> Topology.stop("query-1"));
        try {
            long releasedAt = 0;
            long deadline = stopAt + Duration.ofSeconds(30).toNanos();
            Map<String, String> after = owners();
            while (!(after.keySet().equals(before.keySet()) && after.values().stream().allMatch(survivor::equals))) {
                assertThat(System.nanoTime()).as("every segment claimed by the other node; last: " + after)
                        .isLessThan(deadline);
                if (releasedAt == 0 && after.values().stream().noneMatch(owner -> owner.startsWith(stopping))) {
                    releasedAt = System.nanoTime();
                }
                Eventually.sleep(20);
                after = owners();
            }
            long takenOverAt = System.nanoTime();
            long takeoverMillis = (takenOverAt - stopAt) / 1_000_000;
            System.out.printf("query-1 stopped: its segments released %d ms and all %d segments held by the other"
                            + " node %d ms after SIGTERM%n",
                    ((releasedAt == 0 ? takenOverAt : releasedAt) - stopAt) / 1_000_000, after.size(), takeoverMillis);
            // The issue's bound, measured from SIGTERM (polls of ~20 ms plus a psql start each included).
            assertThat(takeoverMillis).as("ms from SIGTERM until the other node held every segment")
                    .isLessThan(2_000);
        } finally {
            stop.get(120, TimeUnit.SECONDS);
            Topology.start("query-1");
        }
    }

    /** Each processor segment's owner ("" when unclaimed), from the token store's owner column. */
    private static Map<String, String> owners() {
        Map<String, String> owners = new HashMap<>();
        for (String row : Topology.sql("SELECT processorname, segment, coalesce(owner, '') FROM tokenentry"
                + " WHERE processorname <> '__config'")) {
            String[] columns = row.split("\\|", -1);
            owners.put(columns[0] + "/" + columns[1], columns[2]);
        }
        return owners;
    }
}
