package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka broker stopped for 30 s while commands keep coming: every command still succeeds (publishing is never
 * on a command's path), and once the broker is back every event arrives, in per-aggregate order.
 */
@ExtendWith(Topology.class)
class BrokerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final KeyledgerApi api = KeyledgerApi.admin();

    @Test
    void whenTheBrokerIsAwayFor30Seconds_thenCommandsSucceedAndEveryEventArrivesAfterwards() throws Exception {
        long before = AuditFeed.head(api);
        long restartedAt;
        try (CommandStream commands = new CommandStream("outage", 100)) {
            Topology.stop("kafka");
            try {
                Eventually.sleep(OUTAGE.toMillis());
            } finally {
                Topology.start("kafka");
            }
            restartedAt = System.nanoTime();
            commands.close();
            System.out.printf("broker away %d s: %d commands acknowledged meanwhile, refusals %s%n",
                    OUTAGE.toSeconds(), commands.acknowledged().size(), commands.refusals());
            assertThat(commands.refusals()).as("commands refused while the broker was away").isEmpty();
            assertThat(commands.acknowledged()).isNotEmpty();
        }

        List<AuditFeed.Entry> stored = AuditFeed.after(api, before);
        List<PublishedEvent> published = TopicReader.readUntil(
                stored.stream().map(AuditFeed.Entry::eventId).toList(), Duration.ofSeconds(120));
        Delivery delivery = Delivery.of(stored, published);
        System.out.printf("broker back: topic %s; complete %d ms after the broker listened again%n", delivery,
                (System.nanoTime() - restartedAt) / 1_000_000);
        assertThat(delivery.missing()).isEmpty();
        assertThat(delivery.outOfOrder()).isEmpty();
    }
}
