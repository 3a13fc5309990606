package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.query.integration.KafkaPublisher;
import dev.keyledger.query.processing.QueryViews;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness and readiness over real HTTP on the management port, with Kubernetes' meanings: ready only while the node
 * can serve, live as long as it runs. Each test makes a node unable to serve for real; each keeps a service of its
 * own, since it breaks it.
 */
class HealthProbesTest {

    @TempDir
    Path dir;

    @Test
    void whenTheNodeServes_thenItIsReadyAndShowsEveryCondition() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            AdminClient management = management(keyledger);
            Eventually.holds("ready", () -> management.send("GET", "/actuator/health/readiness", null).status() == 200);

            JsonNode readiness = management.send("GET", "/actuator/health/readiness", null).json();
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            JsonNode components = readiness.path("components");
            assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("authView").path("details").path("ageMillis").asLong())
                    .isLessThanOrEqualTo(components.path("authView").path("details").path("boundMillis").asLong());
            assertThat(components.path("signingKey").path("details").path("kid").asText()).isNotEmpty();
            JsonNode views = components.path("projections").path("details").path(QueryViews.PROCESSING_GROUP);
            assertThat(views.path("running").asBoolean()).isTrue();
            // Claims are read from the lag snapshot, taken on a schedule: the first may precede the first claim.
            Eventually.holds("the views' segments claimed", () -> management.send("GET", "/actuator/health/readiness",
                    null).json().path("components").path("projections").path("details")
                    .path(QueryViews.PROCESSING_GROUP).path("claimedSegments").asInt() > 0);
            assertThat(components.path("auditChain").path("details").has("unlinkedEvents")).isTrue();
            assertThat(management.send("GET", "/actuator/health/liveness", null).text("status")).isEqualTo("UP");

            // Verifying links every event there is: a later measurement finds none unlinked (the chain's own table).
            assertThat(keyledger.admin().send("GET", "/api/v1/audit/verify", null).status()).isEqualTo(200);
            Eventually.holds("no unlinked events", () -> management.send("GET", "/actuator/health/readiness", null)
                    .json().path("components").path("auditChain").path("details").path("unlinkedEvents").asLong() == 0);
        }
    }

    @Test
    void whenTheViewsProcessorStops_thenTheNodeIsLiveButNotReady_andReadyAgainWhenItRuns() {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir)) {
            AdminClient management = management(keyledger);
            Eventually.holds("ready", () -> management.send("GET", "/actuator/health/readiness", null).status() == 200);
            StreamingEventProcessor views = keyledger.bean(Configuration.class).eventProcessingConfiguration()
                    .eventProcessor(QueryViews.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

            views.shutDown();
            AdminClient.Answer stopped = management.send("GET", "/actuator/health/readiness", null);
            assertThat(stopped.status()).isEqualTo(503);
            assertThat(stopped.json().path("components").path("projections").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(stopped.json().path("components").path("projections").path("details")
                    .path(QueryViews.PROCESSING_GROUP).path("running").asBoolean()).isFalse();
            assertThat(management.send("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);

            views.start();
            Eventually.holds("ready again",
                    () -> management.send("GET", "/actuator/health/readiness", null).status() == 200);
        }
    }

    @Test
    void whenTheDatabaseStops_thenTheNodeIsLiveButNotReady_andItsAuthViewIsStale() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start();
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir.resolve("node"),
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                // A lost database is seen within a second rather than after the pool's default 30 s wait.
                "spring.datasource.hikari.connection-timeout=1000")) {
            AdminClient management = management(keyledger);
            Eventually.holds("ready", () -> management.send("GET", "/actuator/health/readiness", null).status() == 200);

            postgres.close();
            Eventually.holds("not ready, with a stale auth view", () -> {
                AdminClient.Answer readiness = management.send("GET", "/actuator/health/readiness", null);
                JsonNode components = readiness.json().path("components");
                return readiness.status() == 503
                        && components.path("db").path("status").asText().equals("DOWN")
                        && components.path("authView").path("status").asText().equals("OUT_OF_SERVICE");
            });
            assertThat(management.send("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    @Test
    void whenKafkaIsAway_thenTheNodeStaysReadyAndShowsThePublishersLag() {
        // Nothing listens there (this helper's port range): every send fails and the publisher falls behind.
        try (RunningKeyledger keyledger = RunningKeyledger.start(dir,
                "spring.kafka.bootstrap-servers=127.0.0.1:20999", "keyledger.kafka.topic=nowhere",
                "keyledger.kafka.send-timeout=PT1S")) {
            AdminClient management = management(keyledger);
            Eventually.holds("ready while the publisher lags", () -> {
                AdminClient.Answer readiness = management.send("GET", "/actuator/health/readiness", null);
                JsonNode publisher = readiness.json().path("components").path("projections").path("details")
                        .path(KafkaPublisher.PROCESSING_GROUP);
                return readiness.status() == 200 && publisher.path("lagEvents").asLong() > 0
                        && !publisher.path("requiredForReadiness").asBoolean(true);
            });
            assertThat(management.send("GET", "/actuator/health/readiness", null).text("status")).isEqualTo("UP");
        }
    }

    private static AdminClient management(RunningKeyledger keyledger) {
        return new AdminClient(keyledger.managementUri(), null);
    }
}
