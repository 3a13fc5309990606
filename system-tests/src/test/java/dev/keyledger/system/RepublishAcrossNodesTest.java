package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Republishing history for a new consumer in a cluster of query-side nodes: asked through the proxy, the job runs on
 * one node, every node reports it, and every event of the store reaches the topic again.
 */
@ExtendWith(Topology.class)
class RepublishAcrossNodesTest {

    private final KeyledgerApi api = KeyledgerApi.admin();

    @Test
    void whenHistoryIsRepublished_thenEveryNodeReportsTheJobAndEveryEventIsDeliveredAgain() {
        api.register("before-republish");
        List<AuditFeed.Entry> stored = AuditFeed.all(api);
        List<String> ids = stored.stream().map(AuditFeed.Entry::eventId).toList();
        TopicReader.readUntil(ids, Duration.ofSeconds(30));

        String jobId = api.post("/api/v1/integration/kafka/republish", Map.of("fromPosition", 0)).expect(202)
                .text("jobId");
        for (URI node : Topology.queryNodes()) {
            JsonNode job = Eventually.get(Duration.ofSeconds(60),
                    () -> KeyledgerApi.adminAt(node).get("/api/v1/integration/kafka/republish").expect(200).body(),
                    status -> status.path("state").asText().equals("COMPLETED"), "the republish, seen from " + node);
            assertThat(job.path("jobId").asText()).isEqualTo(jobId);
            assertThat(job.path("published").asLong()).isGreaterThanOrEqualTo(stored.size());
        }

        // Each event twice: reading until every id was seen once may stop before the republished copies.
        List<PublishedEvent> published = TopicReader.readUntil(ids, 2, Duration.ofSeconds(30));
        for (String id : ids) {
            assertThat(published.stream().filter(event -> event.id().equals(id)).count())
                    .as("deliveries of event " + id).isGreaterThanOrEqualTo(2);
        }
    }
}
