package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of one query-side node while commands keep coming: the other node takes its segments over (views
 * and Kafka publishing alike), and neither the views nor the topic lose an event.
 */
@ExtendWith(Topology.class)
class QueryNodeCrashTest {

    private final KeyledgerApi api = KeyledgerApi.admin();

    @Test
    void whenAQueryNodeIsKilledMidStream_thenTheOtherTakesOverAndNothingIsLost() throws Exception {
        long before = AuditFeed.head(api);
        long killedAt;
        List<CommandStream.Acknowledged> acknowledged;
        try (CommandStream commands = new CommandStream("crash", 50)) {
            Eventually.sleep(2_000);
            Topology.kill("query-1");
            killedAt = System.nanoTime();
            Eventually.sleep(4_000);
            commands.close();
            acknowledged = commands.acknowledged();
            assertThat(commands.refusals()).as("commands refused while a query node was down").isEmpty();
        }
        try {
            for (CommandStream.Acknowledged client : acknowledged) {
                Eventually.get(Duration.ofSeconds(60), () -> api.get("/api/v1/clients/" + client.clientId()).status(),
                        status -> status == 200, "client " + client.clientId() + " in the surviving node's views");
            }
            System.out.printf("query-1 killed: the survivor's views held every client %d ms after the kill%n",
                    (System.nanoTime() - killedAt) / 1_000_000);

            List<AuditFeed.Entry> stored = AuditFeed.after(api, before);
            List<PublishedEvent> published = TopicReader.readUntil(
                    stored.stream().map(AuditFeed.Entry::eventId).toList(), Duration.ofSeconds(60));
            Delivery delivery = Delivery.of(stored, published);
            System.out.printf("query-1 killed: %d commands acknowledged; topic: %s; complete %d ms after the kill%n",
                    acknowledged.size(), delivery, (System.nanoTime() - killedAt) / 1_000_000);
            assertThat(delivery.missing()).isEmpty();
            assertThat(delivery.outOfOrder()).isEmpty();
        } finally {
            Topology.start("query-1");
        }
    }
}
