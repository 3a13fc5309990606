package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin writes beyond the lane's bound (docs/DECISIONS.md 110) are refused with 503, Retry-After and problem+json,
 * never a 500, while the token endpoint keeps issuing; once the storm has passed, writes are accepted again; and
 * writes whose bodies arrive slowly take no place in the lane. Services of their own with one thread and one place in
 * the queue, so that a burst of writes is sure to overflow.
 */
class AdminLaneTest {

    private static final int WRITERS = 48;

    @TempDir
    Path dataDir;

    @Test
    void whenWritesOverflowTheLane_thenTheExtraOnesAre503WithRetryAfterAndTokensAreStillIssued() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "keyledger.admin-lane.threads=1", "keyledger.admin-lane.queue=1")) {
            AdminClient admin = keyledger.admin();
            AdminClient.Answer machine = admin.post("/api/v1/clients", "{\"name\":\"machine\"}");
            String machineId = machine.text("clientId");
            String machineSecret = machine.text("clientSecret");
            keyledger.tokenFor(machineId, machineSecret);
            String tokenRequest = "grant_type=client_credentials&client_id=" + RunningKeyledger.encode(machineId)
                    + "&client_secret=" + RunningKeyledger.encode(machineSecret);

            AtomicBoolean storming = new AtomicBoolean(true);
            CountDownLatch start = new CountDownLatch(1);
            List<AdminClient.Answer> writes = new ArrayList<>();
            List<Integer> tokensDuringStorm;
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
            try {
                Future<List<Integer>> tokens = threads.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    while (storming.get()) {
                        statuses.add(keyledger.anonymous().form("/oauth2/token", tokenRequest).status());
                    }
                    return statuses;
                });
                List<Future<AdminClient.Answer>> sent = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    String name = UniqueNames.unique("burst");
                    sent.add(threads.submit(() -> {
                        start.await();
                        return admin.post("/api/v1/roles", "{\"name\":\"" + name + "\",\"permissions\":[]}");
                    }));
                }
                start.countDown();
                for (Future<AdminClient.Answer> answer : sent) {
                    writes.add(answer.get());
                }
                storming.set(false);
                tokensDuringStorm = tokens.get();
            } finally {
                storming.set(false);
                threads.shutdownNow();
            }

            List<AdminClient.Answer> refused = writes.stream().filter(answer -> answer.status() == 503).toList();
            assertThat(writes).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 503));
            assertThat(refused).as("a burst of %d writes on one thread and one queue place", WRITERS).isNotEmpty();
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.text("type")).endsWith("/admin-busy");
                assertThat(answer.json().get("status").asInt()).isEqualTo(503);
            });
            assertThat(tokensDuringStorm).isNotEmpty().allMatch(status -> status == 200);
            assertThat(admin.post("/api/v1/roles", "{\"name\":\"" + UniqueNames.unique("after")
                    + "\",\"permissions\":[]}").status()).isEqualTo(201);
        }
    }

    @Test
    void whenClientsSendTheirBodiesSlowly_thenTheyHoldNoPlaceInTheLane() throws Exception {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "keyledger.admin-lane.threads=1", "keyledger.admin-lane.queue=1")) {
            AdminClient admin = keyledger.admin();
            String token = keyledger.newAdminToken(); // refused callers never get as far as reading a body
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) { // more than the lane's thread and its place in the queue
                    Socket socket = new Socket("127.0.0.1", keyledger.port());
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/roles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                RunningKeyledger.sleep(Duration.ofMillis(500));

                AdminClient.Answer meanwhile = admin.post("/api/v1/roles", "{\"name\":\""
                        + UniqueNames.unique("meanwhile") + "\",\"permissions\":[]}");
                assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(201);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void whenUnauthenticatedBodiesArriveSlowly_thenWhatTheyMayHoldIsBoundedAndTheNextWriteIs503() throws Exception {
        // One thread and one place: a budget of two bodies of 64 KiB, read before anyone is authenticated.
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "keyledger.admin-lane.threads=1", "keyledger.admin-lane.queue=1")) {
            AdminClient admin = keyledger.admin();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket socket = new Socket("127.0.0.1", keyledger.port());
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/roles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 65536\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                RunningKeyledger.sleep(Duration.ofMillis(500));

                AdminClient.Answer refused = admin.post("/api/v1/roles", "{\"name\":\""
                        + UniqueNames.unique("crowded") + "\",\"permissions\":[]}");
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.text("type")).endsWith("/admin-busy");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            TokenEndpointTest.waitUntil(() -> admin.post("/api/v1/roles", "{\"name\":\"" + UniqueNames.unique("freed")
                    + "\",\"permissions\":[]}").status() == 201, Duration.ofSeconds(10));
        }
    }
}
