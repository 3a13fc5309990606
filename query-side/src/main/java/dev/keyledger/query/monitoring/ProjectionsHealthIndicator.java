package dev.keyledger.query.monitoring;

import dev.keyledger.query.integration.KafkaPublisher;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready only while every processor that keeps the views runs (not shut down, not in error): a node whose views stop
 * moving would answer reads from a past that no longer ends. The Kafka publisher is not among them: a broker outage
 * must not take the admin API's reads away, so its state and lag are details, as every processor's lag is (lag
 * shrinks by itself; leaving the load balancer would only move the reads to a node just as far behind).
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventLag lag;

    ProjectionsHealthIndicator(EventLag lag) {
        this.lag = lag;
    }

    @Override
    public Health health() {
        LagSnapshot snapshot = lag.snapshot();
        boolean serving = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, StreamingEventProcessor> entry : lag.processors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            boolean runs = processor.isRunning() && !processor.isError();
            boolean required = !entry.getKey().equals(KafkaPublisher.PROCESSING_GROUP);
            serving &= runs || !required;
            ProcessorLag processorLag = snapshot.processor(entry.getKey());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            detail.put("requiredForReadiness", required);
            detail.put("claimedSegments", processorLag.claimedSegments());
            detail.put("lagEvents", processorLag.events());
            detail.put("lagSeconds", processorLag.seconds());
            details.put(entry.getKey(), detail);
        }
        details.put("measuredAt", snapshot.measuredAt());
        return (serving ? Health.up() : Health.down()).withDetails(details).build();
    }
}
