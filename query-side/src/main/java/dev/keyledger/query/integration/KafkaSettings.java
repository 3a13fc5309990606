package dev.keyledger.query.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The publisher's settings ({@code keyledger.kafka.*}; the broker itself is {@code spring.kafka.bootstrap-servers}).
 *
 * @param topic             the integration topic (API.md §4)
 * @param batchSize         events per transaction of the publisher's processor: the most it sends before it waits
 *                          for their acknowledgements and commits its token; live events come a few at a time,
 *                          so this bounds catching up, not latency
 * @param sendTimeout       how long a batch waits for the broker's acknowledgements before it is retried; below
 *                          Axon's claim timeout (10 s), so a waiting node keeps its segment
 * @param partitions        of the topic, when Keyledger creates it
 * @param replicationFactor of the topic, when Keyledger creates it
 * @param segments          of the publisher's processor, when it first starts (nodes share them)
 */
@ConfigurationProperties("keyledger.kafka")
public record KafkaSettings(
        @DefaultValue("keyledger.credential-events") String topic,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("PT5S") Duration sendTimeout,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("4") int segments) {
}
