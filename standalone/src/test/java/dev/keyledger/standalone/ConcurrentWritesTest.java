package dev.keyledger.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes racing on one client, from real threads over real HTTP against the real database: each write is either
 * applied (and shows up as exactly one event) or refused with 409/412; none is silently lost or overwritten.
 */
@KeyledgerService
class ConcurrentWritesTest {

    private static final int THREADS = 8;

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenUnconditionalWritesRace_thenEveryAcknowledgedWriteIsOneEventWithItsOwnVersion() throws Exception {
        String clientId = register("racer");
        Map<Long, String> versions = new ConcurrentHashMap<>();
        List<Integer> statuses = race(THREADS * 10, i -> () -> {
            AdminClient.Answer answer = admin.patch("/api/v1/clients/" + clientId, "{\"description\":\"write " + i + "\"}");
            if (answer.status() == 200) {
                assertThat(versions.put(answer.version(), "write " + i)).as("a version acknowledged twice").isNull();
                assertThat(answer.text("description")).isEqualTo("write " + i);
            }
            return answer.status();
        });
        long applied = statuses.stream().filter(status -> status == 200).count();
        assertThat(statuses).allMatch(status -> status == 200 || status == 409);
        assertThat(applied).isPositive();
        assertThat(keyledger.eventCount(clientId)).isEqualTo(1 + applied);
        List<String> descriptions = keyledger.jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8')::json ->> 'description' FROM domainevententry
                         WHERE aggregateidentifier = ? AND sequencenumber > 0 ORDER BY sequencenumber""")
                .param(clientId).query(String.class).list();
        for (int v = 1; v <= applied; v++) {
            assertThat(descriptions.get(v - 1)).isEqualTo(versions.get((long) v));
        }
    }

    @Test
    void whenConditionalWritesRaceOnTheSameVersion_thenExactlyOneIsApplied() throws Exception {
        String clientId = register("conditional");
        List<Integer> statuses = race(THREADS, i -> () -> admin.patch("/api/v1/clients/" + clientId,
                "{\"description\":\"attempt " + i + "\"}", "If-Match", "\"0\"").status());
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).allMatch(status -> status == 200 || status == 409 || status == 412);
        assertThat(keyledger.eventCount(clientId)).isEqualTo(2);
    }

    @Test
    void whenSecondarySecretsAreAddedAtOnce_thenOnlyOneExists() throws Exception {
        String clientId = register("secrets");
        List<Integer> statuses = race(THREADS, i -> () ->
                admin.post("/api/v1/clients/" + clientId + "/secrets", null).status());
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        assertThat(admin.patch("/api/v1/clients/" + clientId, "{}").json().get("secrets")).hasSize(2);
    }

    @Test
    void whenARoleIsDeletedWhileBeingAssigned_thenNoClientKeepsTheDeletedRole() throws Exception {
        for (int round = 0; round < 5; round++) {
            String role = "contested-" + round;
            assertThat(admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"x:y\"]}").status())
                    .isEqualTo(201);
            List<String> clients = new ArrayList<>();
            for (int i = 0; i < THREADS - 1; i++) {
                clients.add(register("holder-" + round + "-" + i));
            }
            List<Integer> statuses = race(THREADS, i -> () -> i == 0
                    ? admin.delete("/api/v1/roles/" + role).status()
                    : admin.put("/api/v1/clients/" + clients.get(i - 1) + "/roles/" + role).status());
            assertThat(statuses.get(0)).isEqualTo(204);
            assertThat(statuses.subList(1, THREADS)).allMatch(status -> status == 200 || status == 404);
            for (String clientId : clients) {
                assertThat(admin.patch("/api/v1/clients/" + clientId, "{}").json().get("roles")).isEmpty();
            }
        }
    }

    private static String register(String name) {
        return admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}").text("clientId");
    }

    /** Runs {@code count} tasks from {@value #THREADS} threads released at once; returns their results. */
    private static <T> List<T> race(int count, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
