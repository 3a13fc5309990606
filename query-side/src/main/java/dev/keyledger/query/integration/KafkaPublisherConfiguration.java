package dev.keyledger.query.integration;

import dev.keyledger.query.audit.StoredAuditEntries;
import dev.keyledger.query.cluster.SegmentBalancer;
import dev.keyledger.query.eventstore.StoredEvents;
import dev.keyledger.query.processing.ProcessorSources;
import org.apache.kafka.clients.CommonClientConfigs;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka publisher, wired only when {@code spring.kafka.bootstrap-servers} is set: without it no Kafka client
 * exists and the service runs as before. {@code spring.kafka.properties.*} reach the clients as they are (security
 * settings, say); the delivery guarantees (acks, idempotence) are always Keyledger's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaPublisherConfiguration {

    @Bean
    EventTopic eventTopic(KafkaSettings settings, Environment environment,
                          @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> client = new HashMap<>(Binder.get(environment)
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new EventTopic(settings, client);
    }

    @Bean
    KafkaPublisher kafkaPublisher(EventTopic topic) {
        return new KafkaPublisher(topic);
    }

    @Bean
    CheckpointTopicCopy checkpointTopicCopy(EventTopic topic, JdbcClient jdbc, TransactionTemplate transaction) {
        return new CheckpointTopicCopy(topic, jdbc, transaction);
    }

    @Bean
    Republisher republisher(EventTopic topic, StoredEvents events, StoredAuditEntries entries, EventStore store,
                            JdbcClient jdbc, TransactionTemplate transaction) {
        return new Republisher(topic, events, entries, store, new RepublishJobs(jdbc, transaction));
    }

    /**
     * The publisher's own pooled streaming processor, tokens in the query side's token store, woken up by commits
     * and reading the store like the views' processor ({@link ProcessorSources}). Axon's default sequencing keeps each
     * aggregate's events in order. Axon's default listener error handler would log a failed send and move the token
     * on, losing the event: here every failure propagates, the batch rolls back, and the coordinator releases the
     * segment and claims it again after an exponential back-off, from the last committed token.
     */
    @Bean
    ConfigurerModule kafkaPublisherProcessor(KafkaSettings settings, SegmentBalancer balancer,
                                             @Value("${keyledger.query.token-claim-interval:PT0.5S}")
                                             Duration claimInterval,
                                             ProcessorSources sources) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(KafkaPublisher.PROCESSING_GROUP, sources::forProcessor,
                        (config, builder) -> builder
                                .initialToken(StreamableMessageSource::createTailToken)
                                .initialSegmentCount(settings.segments())
                                .batchSize(settings.batchSize())
                                .tokenClaimInterval(claimInterval.toMillis())
                                .maxSegmentProvider(balancer::limitFor))
                .registerListenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(KafkaPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }
}
