package dev.keyledger.standalone;

import dev.keyledger.command.caching.CommittedAggregateCache;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.dispatch.CommandDispatcher;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.id.ClientId;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone service on its embedded PostgreSQL, the event store's only writer, keeps clients in memory between
 * commands (docs/DECISIONS.md 146), and what it keeps is never ahead of the store: a state from a transaction that
 * rolled back is not kept. Nodes sharing a PostgreSQL of their own keep none, and each decides on the stored events
 * whatever the other wrote (116).
 */
// Not @KeyledgerService: one test runs two nodes of one deployment.
class CachedClientsTest {

    @TempDir
    Path dir;

    @Test
    void whenATransactionAroundACommandRollsBack_thenTheNextCommandDecidesOnTheStoredEvents() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            assertThat(keyledger.bean(CommittedAggregateCache.class)).as("clients kept").isNotNull();
            AdminClient admin = keyledger.admin();
            String clientId = admin.post("/api/v1/clients", "{\"name\":\"rolled-back\"}").text("clientId");
            assertThat(admin.patch("/api/v1/clients/" + clientId, "{\"description\":\"kept\"}").version())
                    .isEqualTo(1);

            new TransactionTemplate(keyledger.bean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                keyledger.bean(CommandDispatcher.class).send(new ChangeClientDetails(ClientId.of(clientId), null,
                        ClientDescription.of("never stored"), null, null, null), AuditContext.system());
                tx.setRollbackOnly();
            });

            AdminClient.Answer next = admin.patch("/api/v1/clients/" + clientId, "{\"description\":\"after\"}",
                    "If-Match", "\"1\"");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.version()).isEqualTo(2);
            assertThat(storedDescriptions(keyledger, clientId)).containsExactly("kept", "after");
        }
    }

    @Test
    void whenTwoNodesTakeTurnsWritingOneClient_thenEveryWriteIsAppliedInTurn() throws Exception {
        try (SharedDatabase database = SharedDatabase.start(dir)) {
            try (RunningKeyledger first = database.node("first");
                 RunningKeyledger second = database.node("second")) {
                assertThat(first.bean(Cache.class)).as("no client kept").isSameAs(NoCache.INSTANCE);
                String clientId = first.admin().post("/api/v1/clients", "{\"name\":\"two-writers\"}").text("clientId");
                for (int turn = 1; turn <= 6; turn++) {
                    RunningKeyledger node = turn % 2 == 1 ? first : second;
                    AdminClient.Answer answer = node.admin().patch("/api/v1/clients/" + clientId,
                            "{\"description\":\"turn " + turn + "\"}");
                    assertThat(answer.status()).as("turn %d", turn).isEqualTo(200);
                    assertThat(answer.version()).isEqualTo(turn);
                }
                assertThat(storedDescriptions(first, clientId))
                        .containsExactly("turn 1", "turn 2", "turn 3", "turn 4", "turn 5", "turn 6");
            }
        }
    }

    private static List<String> storedDescriptions(RunningKeyledger keyledger, String clientId) {
        return keyledger.jdbc().sql("""
                        SELECT convert_from(payload, 'UTF8')::json ->> 'description' FROM domainevententry
                         WHERE aggregateidentifier = ? AND sequencenumber > 0 ORDER BY sequencenumber""")
                .param(clientId).query(String.class).list();
    }
}
