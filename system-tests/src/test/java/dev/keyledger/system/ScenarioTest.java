package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole client lifecycle through the proxy of the distributed topology, the tokens of both token-endpoint nodes
 * verified against the published JWKS, a disabled client refused by both nodes, and every event of it read from the
 * topic by kcat, in per-client order, as valid CloudEvents holding no secret.
 */
@ExtendWith(Topology.class)
class ScenarioTest {

    /** The staleness bound published for a disabled client or a deleted secret (API.md, issue 4). */
    private static final Duration PUBLISHED_BOUND = Duration.ofSeconds(1);

    private static NimbusJwtDecoder DECODER;

    private final KeyledgerApi api = KeyledgerApi.admin();

    /** The JWKS read through the proxy; tokens must say {@code typ: at+jwt} (RFC 9068). */
    @BeforeAll
    static void resourceServer() {
        DECODER = NimbusJwtDecoder.withJwkSetUri(Topology.proxy().resolve("/.well-known/jwks.json").toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
                .build();
    }

    @Test
    void whenAClientLivesItsWholeLifeThroughTheProxy_thenBothNodesServeItAndKafkaCarriesEveryEvent() {
        List<String> secrets = new ArrayList<>();
        String role = "scenario-" + System.nanoTime();
        api.post("/api/v1/roles", Map.of("name", role, "permissions", List.of("inventory:read"))).expect(201);
        JsonNode registered = api.post("/api/v1/clients", Map.of("name", "scenario", "roles", List.of(role)))
                .expect(201).body();
        String clientId = registered.path("clientId").asText();
        String client = "/api/v1/clients/" + clientId;
        secrets.add(registered.path("clientSecret").asText());
        assertBothNodesIssue(clientId, secrets.get(0), "inventory:read");

        // Stage a secondary, promote it, delete the former primary.
        JsonNode secondary = api.post(client + "/secrets", null).expect(201).body();
        secrets.add(secondary.path("clientSecret").asText());
        api.post(client + "/secrets/" + secondary.path("secretId").asText() + "/promote", null).expect(200);
        String formerPrimary = registered.path("secrets").get(0).path("secretId").asText();
        api.delete(client + "/secrets/" + formerPrimary + "?force=true").expect(200);
        assertBothNodesIssue(clientId, secrets.get(1), "inventory:read");

        // Rotate in one step: the new primary works at once, the demoted one until it is deleted.
        secrets.add(api.post(client + "/secrets/rotate", null).expect(201).text("clientSecret"));
        assertBothNodesIssue(clientId, secrets.get(2), "inventory:read");
        assertBothNodesIssue(clientId, secrets.get(1), "inventory:read");

        api.delete(client + "/roles/" + role).expect(200);
        assertBothNodesIssue(clientId, secrets.get(2), "");
        api.call("PUT", client + "/roles/" + role, null).expect(200);
        assertBothNodesIssue(clientId, secrets.get(2), "inventory:read");
        api.call("PATCH", client, Map.of("name", "scenario-renamed")).expect(200);

        api.post(client + "/disable", null).expect(200);
        long disabledAt = System.nanoTime();
        assertBothNodesRefuse(clientId, secrets.get(2));
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - disabledAt);
        System.out.println("disabled client refused by both token-endpoint nodes " + refusedAfter.toMillis()
                + " ms after the disable was acknowledged (published bound " + PUBLISHED_BOUND.toMillis() + " ms)");
        assertThat(refusedAfter).as("a security bound, not a speed").isLessThanOrEqualTo(PUBLISHED_BOUND);
        api.post(client + "/enable", null).expect(200);
        assertBothNodesIssue(clientId, secrets.get(2), "inventory:read");

        api.delete(client).expect(200);
        assertBothNodesRefuse(clientId, secrets.get(2));
        api.delete("/api/v1/roles/" + role).expect(204);

        List<AuditFeed.Entry> stored = AuditFeed.all(api);
        Set<String> scenario = Set.of(clientId, role);
        List<AuditFeed.Entry> scenarioEvents = stored.stream().filter(e -> scenario.contains(e.aggregateId())).toList();
        assertThat(scenarioEvents).extracting(AuditFeed.Entry::type).containsExactly(
                "role.created", "client.registered", "client.secondary-secret-added",
                "client.secondary-secret-promoted", "client.secondary-secret-deleted", "client.secret-rotated",
                "client.role-unassigned", "client.role-assigned", "client.details-changed", "client.disabled",
                "client.enabled", "client.deleted", "role.deleted");

        TopicReader.readUntil(stored.stream().map(AuditFeed.Entry::eventId).toList(), Duration.ofSeconds(30));
        List<PublishedEvent> byKcat = Kcat.readAll();
        Delivery delivery = Delivery.of(stored, byKcat);
        System.out.println("kcat read the topic: " + delivery);
        assertThat(delivery.missing()).isEmpty();
        assertThat(delivery.outOfOrder()).isEmpty();
        assertThat(CloudEvents.assertValid(byKcat, stored)).isGreaterThanOrEqualTo(stored.size());
        for (PublishedEvent event : byKcat) {
            for (String secret : secrets) {
                assertThat(event.raw()).doesNotContain(secret).doesNotContain(secret.substring(4))
                        .doesNotContain(sha256(secret));
            }
            assertThat(fieldNames(event.cloudEvent())).noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("hash"));
        }
    }

    /** How the read model stores a secret (SecretHash): base64url SHA-256, no padding. */
    private static String sha256(String secret) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                names.add(field.getKey());
                names.addAll(fieldNames(field.getValue()));
            });
        } else {
            node.elements().forEachRemaining(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }

    /** Each token-endpoint node issues a token for the secret, holding the scope, verified as a resource server would. */
    private static void assertBothNodesIssue(String clientId, String secret, String scope) {
        for (URI node : Topology.tokenNodes()) {
            String token = Eventually.get(Duration.ofSeconds(10), () -> KeyledgerApi.token(node, clientId, secret),
                    answer -> answer.status() == 200 && answer.text("scope").equals(scope),
                    "a token with scope '" + scope + "' from " + node).text("access_token");
            Jwt jwt = DECODER.decode(token);
            assertThat(jwt.getSubject()).isEqualTo(clientId);
            assertThat(jwt.getIssuer().toString()).isEqualTo(Topology.proxy().toString());
        }
    }

    private static void assertBothNodesRefuse(String clientId, String secret) {
        for (URI node : Topology.tokenNodes()) {
            Eventually.get(Duration.ofSeconds(10), () -> KeyledgerApi.token(node, clientId, secret).status(),
                    status -> status == 401, "the client refused by " + node);
        }
    }
}
