package dev.keyledger.query.config;

import dev.keyledger.infrastructure.access.AdminAccessConfiguration;
import dev.keyledger.infrastructure.openapi.OpenApiConfiguration;
import dev.keyledger.infrastructure.postgres.ChannelListener;
import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import dev.keyledger.infrastructure.thread.DaemonThreads;
import dev.keyledger.infrastructure.web.WebEdgeConfiguration;
import dev.keyledger.kernel.random.RandomTokens;
import dev.keyledger.query.cluster.SegmentBalancer;
import dev.keyledger.query.eventstore.ExportConnections;
import dev.keyledger.query.processing.AppendNotifications;
import dev.keyledger.query.processing.ProcessorSources;
import dev.keyledger.query.processing.QueryViews;
import dev.keyledger.query.processing.ViewLock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/** Wires the query side: its schema, its token store, its processors. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Import({WebEdgeConfiguration.class, AdminAccessConfiguration.class, OpenApiConfiguration.class})
@EnableScheduling
public class QuerySideConfiguration {

    /** Migrates the event store's tables (from the shared infrastructure) and the query side's own, each apart. */
    @Bean
    SchemaMigrations querySideSchema(DataSource dataSource) {
        return SchemaMigrations.apply(dataSource, "eventstore", "query");
    }

    /**
     * This node's name in the token store. Axon's default is the JVM's name, which two Keyledger contexts in one JVM
     * (or two containers with the same pid and host name) would share, each taking the other's claims for its own.
     */
    @Bean
    QueryNode queryNode() {
        return new QueryNode(ManagementFactory.getRuntimeMXBean().getName() + "/" + RandomTokens.urlSafe(6));
    }

    /**
     * Axon's JDBC token store, as its auto-configuration builds it, but with this node's own name. It takes the
     * schema migrations as a parameter only so that {@code tokenentry} exists before any processor claims a token.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, @Qualifier("serializer") Serializer serializer,
                          TokenStoreProperties properties, QueryNode node,
                          @Qualifier("querySideSchema") SchemaMigrations schema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.id())
                .build();
    }

    /** The audit exports' own connections, so that exports never starve the projections (docs/DECISIONS.md 62). */
    @Bean(destroyMethod = "close")
    ExportConnections exportConnections(DataSource dataSource,
                                        @Value("${keyledger.audit.export-concurrency:2}") int concurrency) {
        return ExportConnections.besides(dataSource, concurrency);
    }

    /** Tells the processors' sources of appends committed on any node (docs/DECISIONS.md 44). */
    @Bean(destroyMethod = "close")
    ChannelListener appendChannel(DataSource dataSource, AppendNotifications appends) {
        return ChannelListener.start(dataSource, AppendNotifications.CHANNEL, appends::announce);
    }

    /**
     * The views' processor: pooled streaming, its tokens in PostgreSQL, split in segments that several nodes share.
     * Axon's default sequencing (per aggregate) keeps each client's and each role's events in order; the balancer
     * gives each live node its fair share of the segments. A first start reads the store from its tail as live
     * events, not as Axon's default replay: the client auth view is written only for live events, and a query side
     * deployed after the command side has appended events must still fill it.
     * <p>
     * With a single segment the coordinator and the one work package share one thread (docs/DECISIONS.md 147): the
     * coordinator hands a read's events over one at a time, and a work package on a thread of its own would start
     * its transaction on the first of them; on the shared thread it starts once the whole read is handed over.
     */
    @Bean
    ConfigurerModule queryViewsProcessor(ViewLock viewLock, SegmentBalancer balancer, ProcessorSources sources,
                                         @Value("${keyledger.query.segments:4}") int segments,
                                         @Value("${keyledger.query.batch-size:100}") int batchSize,
                                         @Value("${keyledger.query.token-claim-interval:PT0.5S}")
                                         Duration claimInterval) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(QueryViews.PROCESSING_GROUP, sources::forProcessor,
                        (config, builder) -> {
                            builder.initialToken(StreamableMessageSource::createTailToken)
                                    .initialSegmentCount(segments)
                                    .batchSize(batchSize)
                                    .tokenClaimInterval(claimInterval.toMillis())
                                    .maxSegmentProvider(balancer::limitFor);
                            if (segments == 1) {
                                ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                                        DaemonThreads.named("keyledger-views"));
                                config.onShutdown(thread::shutdown);
                                builder.coordinatorExecutor(thread).workerExecutor(thread);
                            }
                            return builder;
                        })
                .registerHandlerInterceptor(QueryViews.PROCESSING_GROUP, config -> viewLock::handle);
    }
}
