package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints in the distributed topology: two query-side nodes asked at the same moment make one checkpoint between
 * them, the node that made it wrote its file, and the checkpoint routes, the audit key set and the audit key's
 * rotation all answer through the proxy.
 */
@ExtendWith(Topology.class)
class AuditCheckpointsThroughProxyTest {

    private static final String CHECKPOINTS = "/api/v1/audit/checkpoints";

    private final KeyledgerApi api = KeyledgerApi.admin();

    @Test
    void whenBothQueryNodesAreAskedAtOnce_thenOneCheckpointIsMadeAndServedThroughTheProxy() throws Exception {
        role();
        List<URI> nodes = Topology.queryNodes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<KeyledgerApi.Answer>> asked = new ArrayList<>();
        List<URI> askedNode = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                URI node = nodes.get(i % nodes.size());
                KeyledgerApi client = KeyledgerApi.adminAt(node);
                askedNode.add(node);
                asked.add(pool.submit(() -> client.post(CHECKPOINTS, null)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<KeyledgerApi.Answer> answer : asked) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
            JsonNode made = asked.get(statuses.indexOf(201)).get().body();
            // A node that found everything it had linked already covered answers with that checkpoint: the one just
            // made, or the one before it when the newest event was linked a moment later (the linker waits for
            // earlier positions to settle); never one beyond it.
            for (Future<KeyledgerApi.Answer> answer : asked) {
                assertThat(answer.get().body().get("position").asLong()).isLessThanOrEqualTo(
                        made.get("position").asLong());
            }
            String writer = "query-" + (nodes.indexOf(askedNode.get(statuses.indexOf(201))) + 1);
            assertThat(Files.readString(copyOf(writer, made.get("position").asLong()))).contains(
                    "\"signature\":\"" + made.get("signature").asText() + "\"");

            JsonNode listed = api.get(CHECKPOINTS + "?limit=1000").expect(200).body().get("items");
            assertThat(listed.get(listed.size() - 1)).isEqualTo(made);
            JsonNode keys = KeyledgerApi.bearing("").get("/.well-known/keyledger-audit-keys.json").expect(200).body();
            assertThat(keys.get("keys").findValuesAsText("kid")).contains(made.get("keyId").asText());
            assertThat(api.get(CHECKPOINTS + "?limit=0").status()).isEqualTo(400);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whenTheAuditKeyIsRotatedThroughTheProxy_thenTheNextCheckpointNamesTheNewKey() {
        String kid = api.post("/api/v1/audit/keys/rotate", null).expect(201).text("kid");
        role();

        JsonNode next = api.post(CHECKPOINTS, null).expect(201).body();

        assertThat(next.get("keyId").asText()).isEqualTo(kid);
        JsonNode keys = KeyledgerApi.bearing("").get("/.well-known/keyledger-audit-keys.json").expect(200).body();
        assertThat(keys.get("keys").findValuesAsText("kid")).contains(kid);
    }

    private void role() {
        api.post("/api/v1/roles", Map.of("name", "checkpointed-" + System.nanoTime(), "permissions",
                List.of("a:read"))).expect(201);
    }

    private static Path copyOf(String node, long position) {
        return Topology.runDir().resolve("data").resolve(node).resolve("audit-checkpoints")
                .resolve(String.format("checkpoint-%020d.json", position));
    }
}
