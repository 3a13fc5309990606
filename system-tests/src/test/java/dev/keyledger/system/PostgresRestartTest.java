package dev.keyledger.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted while commands keep coming: the services recover by themselves, no command acknowledged
 * before the restart is lost, commands during it are refused with a problem (503), never half-done.
 */
@ExtendWith(Topology.class)
class PostgresRestartTest {

    private final KeyledgerApi api = KeyledgerApi.admin();

    @Test
    void whenPostgresRestarts_thenTheServicesRecoverAndNoAcknowledgedCommandIsLost() throws Exception {
        long before = AuditFeed.head(api);
        long restartedAt;
        List<CommandStream.Acknowledged> acknowledged;
        Map<Integer, Long> refusals;
        try (CommandStream commands = new CommandStream("restart", 100)) {
            Eventually.sleep(2_000);
            Topology.stop("postgres");
            try {
                Eventually.sleep(3_000);
            } finally {
                Topology.start("postgres");
            }
            restartedAt = System.nanoTime();
            Eventually.get(Duration.ofSeconds(60), commands::acknowledged,
                    list -> !list.isEmpty() && list.get(list.size() - 1).atNanos() > restartedAt,
                    "a command acknowledged after the restart");
            System.out.printf("PostgreSQL restarted: first command acknowledged %d ms after it accepted connections%n",
                    (commands.acknowledged().get(commands.acknowledged().size() - 1).atNanos() - restartedAt)
                            / 1_000_000);
            Eventually.sleep(2_000);
            commands.close();
            acknowledged = commands.acknowledged();
            refusals = commands.refusals();
        }
        System.out.printf("PostgreSQL restarted: %d commands acknowledged, refused by status %s%n",
                acknowledged.size(), refusals);
        assertThat(refusals.keySet()).as("refusals by status").isSubsetOf(503);

        for (CommandStream.Acknowledged client : acknowledged) {
            Eventually.get(Duration.ofSeconds(60), () -> api.get("/api/v1/clients/" + client.clientId()).status(),
                    status -> status == 200, "acknowledged client " + client.clientId() + " in the views");
        }
        KeyledgerApi.Answer fresh = api.register("after-restart");
        for (URI node : Topology.tokenNodes()) {
            Eventually.get(Duration.ofSeconds(30),
                    () -> KeyledgerApi.token(node, fresh.text("clientId"), fresh.text("clientSecret")).status(),
                    status -> status == 200, "a token for a client registered after the restart from " + node);
        }
        List<AuditFeed.Entry> stored = AuditFeed.after(api, before);
        Delivery delivery = Delivery.of(stored, TopicReader.readUntil(
                stored.stream().map(AuditFeed.Entry::eventId).toList(), Duration.ofSeconds(60)));
        System.out.println("PostgreSQL restarted: topic " + delivery);
        assertThat(delivery.missing()).isEmpty();
        assertThat(delivery.outOfOrder()).isEmpty();
    }
}
