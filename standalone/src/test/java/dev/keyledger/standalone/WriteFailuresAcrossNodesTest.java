package dev.keyledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that cannot be stored as asked (docs/DECISIONS.md 116): two command nodes of one deployment racing on one
 * client, where the loser's append hits the stream's unique key; and a command whose lookup update fails in the
 * database. Each is answered for what happened, never acknowledged without being stored, never a bare failure.
 */
// Not @KeyledgerService: runs two nodes of one deployment, and breaks a table on purpose.
class WriteFailuresAcrossNodesTest {

    private static final int WRITES = 40;

    @TempDir
    Path dir;

    @Test
    void whenTwoNodesRaceOnOneClient_thenEveryWriteIsAppliedOnceOrAConflict() throws Exception {
        try (SharedDatabase database = SharedDatabase.start(dir)) {
            try (RunningKeyledger first = database.node("first");
                 RunningKeyledger second = database.node("second")) {
                String clientId = first.admin().post("/api/v1/clients", "{\"name\":\"raced\"}").text("clientId");
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < WRITES; i++) {
                        AdminClient admin = (i % 2 == 0 ? first : second).admin();
                        String body = "{\"description\":\"write " + i + "\"}";
                        answers.add(pool.submit(() -> admin.patch("/api/v1/clients/" + clientId, body).status()));
                    }
                    List<Integer> statuses = new ArrayList<>();
                    for (Future<Integer> answer : answers) {
                        statuses.add(answer.get());
                    }
                    assertThat(statuses).allMatch(status -> status == 200 || status == 409);
                    assertThat(first.eventCount(clientId))
                            .isEqualTo(1 + statuses.stream().filter(status -> status == 200).count());
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void whenALookupUpdateFailsInTheDatabase_thenTheCommandFailsAndNothingIsStored() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            AdminClient admin = keyledger.admin();
            assertThat(admin.post("/api/v1/roles", "{\"name\":\"refused\",\"permissions\":[\"x:y\"]}").status())
                    .isEqualTo(201);
            String clientId = admin.post("/api/v1/clients", "{\"name\":\"unassignable\"}").text("clientId");
            keyledger.jdbc().sql("""
                    CREATE FUNCTION test_refuse_lookup() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'lookup refused by the test'; END $$""").update();
            keyledger.jdbc().sql("""
                    CREATE TRIGGER test_refuse_lookup BEFORE INSERT ON command_client_role_lookup
                    FOR EACH ROW EXECUTE FUNCTION test_refuse_lookup()""").update();

            AdminClient.Answer assigned = admin.put("/api/v1/clients/" + clientId + "/roles/refused");

            assertThat(assigned.status()).isGreaterThanOrEqualTo(500);
            assertThat(assigned.header("Content-Type")).startsWith("application/problem+json");
            assertThat(keyledger.eventCount(clientId)).isEqualTo(1);
        }
    }
}
