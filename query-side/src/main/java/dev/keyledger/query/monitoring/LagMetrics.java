package dev.keyledger.query.monitoring;

import dev.keyledger.query.integration.EventTopic;
import dev.keyledger.query.integration.KafkaPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code keyledger_projection_lag_events{processor}}, {@code keyledger_projection_lag_seconds{processor}},
 * {@code keyledger_audit_chain_unlinked_events}, and where Kafka is configured
 * {@code keyledger_kafka_publish_lag_events} and {@code keyledger_kafka_publish_failures_total}. Gauges read
 * {@link EventLag}'s last measurement, so a scrape never waits for the database. Registered once the application
 * is ready: Axon has made its processors by then.
 */
@Component
class LagMetrics {

    private final EventLag lag;
    private final MeterRegistry registry;
    private final ObjectProvider<EventTopic> topic;

    LagMetrics(EventLag lag, MeterRegistry registry, ObjectProvider<EventTopic> topic) {
        this.lag = lag;
        this.registry = registry;
        this.topic = topic;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String processor : lag.processors().keySet()) {
            Gauge.builder("keyledger.projection.lag.events", lag, of -> of.snapshot().processor(processor).events())
                    .description("Events in the store after the oldest position of this node's segments")
                    .tag("processor", processor)
                    .register(registry);
            Gauge.builder("keyledger.projection.lag", lag, of -> of.snapshot().processor(processor).seconds())
                    .description("Age of the oldest event this node's segments have not processed yet")
                    .tag("processor", processor)
                    .baseUnit("seconds")
                    .register(registry);
        }
        Gauge.builder("keyledger.audit.chain.unlinked.events", lag, of -> of.snapshot().unlinkedEvents())
                .description("Events in the store after the hash chain's head")
                .register(registry);
        topic.ifAvailable(this::registerKafka);
    }

    private void registerKafka(EventTopic kafka) {
        Gauge.builder("keyledger.kafka.publish.lag.events", lag,
                        of -> of.snapshot().processor(KafkaPublisher.PROCESSING_GROUP).events())
                .description("Events in the store not yet acknowledged by Kafka (this node's segments)")
                .register(registry);
        FunctionCounter.builder("keyledger.kafka.publish.failures", kafka, EventTopic::failures)
                .description("Batches of events the broker did not acknowledge (each is retried)")
                .register(registry);
    }
}
