package dev.keyledger.query.integration;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;

class EventTopicTest {

    private static final KafkaSettings SETTINGS =
            new KafkaSettings("keyledger.credential-events", 1000, Duration.ofSeconds(1), 6, (short) 1, 4);

    @Test
    void whenARepublishJobSends_thenItsProducerIsApartFromTheLiveOne() throws Exception {
        // No broker is needed: a producer connects on its first send, and registers under its client id at once.
        try (EventTopic live = new EventTopic(SETTINGS, Map.of("bootstrap.servers", "127.0.0.1:9"))) {
            try (EventTopic backlog = live.forBacklog()) {
                assertThat(producerRegistered("keyledger-publisher")).isTrue();
                assertThat(producerRegistered("keyledger-republisher")).isTrue();
            }
            assertThat(producerRegistered("keyledger-republisher")).as("closed with its job").isFalse();
            assertThat(producerRegistered("keyledger-publisher")).isTrue();
        }
    }

    private static boolean producerRegistered(String clientId) throws MalformedObjectNameException {
        return ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("kafka.producer:type=app-info,id=" + clientId));
    }
}
