package dev.keyledger.command.config;

import dev.keyledger.command.caching.CommittedAggregateCache;
import dev.keyledger.command.dispatch.CommandTargets;
import dev.keyledger.command.lookup.CommandLookupProjector;
import dev.keyledger.command.signingkey.SigningKeySettings;
import dev.keyledger.infrastructure.access.AdminAccessConfiguration;
import dev.keyledger.infrastructure.crypto.KeyEncryptionKey;
import dev.keyledger.infrastructure.openapi.OpenApiConfiguration;
import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import dev.keyledger.infrastructure.web.WebEdgeConfiguration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** Wires the command side: its schema, its Axon settings, its key-encryption key, its signing-key settings. */
@Configuration(proxyBeanMethods = false)
@Import({WebEdgeConfiguration.class, AdminAccessConfiguration.class, OpenApiConfiguration.class})
@EnableScheduling
public class CommandSideConfiguration {

    /**
     * Axon stores event timestamps with millisecond precision. Stamping events with a millisecond clock makes the
     * times a write answers with equal to the times every later read of the same events shows.
     */
    static {
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * Migrates the event store's tables (shared by every side, shipped with the shared infrastructure) and the
     * command side's own, each with its own history table, so that each side can be deployed and migrated on its own.
     */
    @Bean
    SchemaMigrations commandSideSchema(DataSource dataSource) {
        return SchemaMigrations.apply(dataSource, "eventstore", "command");
    }

    @Bean(CommandTargets.BEAN)
    CommandTargets commandTargets() {
        return new CommandTargets();
    }

    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new CommandAuditMetadata();
    }

    /**
     * Clients stay in memory between commands when this node is the only one appending to the event store (the
     * standalone service on its embedded PostgreSQL sets {@code keyledger.command.sole-writer}); with several command
     * nodes a kept client could be stale and decide a command that appends nothing, which no unique key would ever
     * correct, so there every command reads its client's events (docs/DECISIONS.md 116 and 146).
     */
    @Bean
    Cache clientCache(@Value("${keyledger.command.sole-writer:false}") boolean soleWriter) {
        return soleWriter ? new CommittedAggregateCache() : NoCache.INSTANCE;
    }

    /**
     * Lookups are updated in the transaction that appends the events, so set-based rules never see stale data. A
     * lookup that fails fails the command: Axon's default handler would log it and commit, and PostgreSQL, whose
     * transaction the failed statement aborted, would roll back on that commit without the driver saying so; the
     * caller would be told of a change that was never stored (docs/DECISIONS.md 116).
     */
    @Bean
    ConfigurerModule commandLookupsAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(CommandLookupProjector.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(CommandLookupProjector.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(CommandLookupProjector.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }

    /**
     * The event store's engine, built as Axon's auto-configuration builds it but loading an aggregate in one query
     * (docs/DECISIONS.md 129). Axon defines its {@code EventSchema} only together with its own engine, and the query
     * side's processors read with that schema, so it is defined here too.
     */
    @Bean
    EventSchema eventSchema() {
        return new EventSchema();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          EventSchema schema) {
        return new CommandSideStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema));
    }

    /** A sequence number another writer took first is a conflict (409, or decided again), not a failure. */
    @Bean
    PersistenceExceptionResolver appendConflicts() {
        return new AppendConflicts();
    }

    @Bean
    SecretKey keyEncryptionKey(@Value("${keyledger.key-encryption-key}") String base64) {
        return KeyEncryptionKey.fromBase64(base64);
    }

    /** {@code KEYLEDGER_TOKEN_ALGORITHM} and {@code KEYLEDGER_KEYS_ACTIVATION_DELAY} (API.md §4); bad values stop the start. */
    @Bean
    SigningKeySettings signingKeySettings(@Value("${keyledger.token.algorithm:ES256}") String algorithm,
                                          @Value("${keyledger.keys.activation-delay:PT60S}") String activationDelay) {
        return SigningKeySettings.parse(algorithm, activationDelay);
    }
}
