package dev.keyledger.query.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.audit.WireNames;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.auditkey.event.AuditKeyActivated;
import dev.keyledger.kernel.auditkey.event.AuditKeyPublished;
import dev.keyledger.kernel.auditkey.event.AuditKeyRetired;
import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientKeyAdded;
import dev.keyledger.kernel.client.event.ClientKeyRemoved;
import dev.keyledger.kernel.client.event.ClientRegistered;
import dev.keyledger.kernel.client.event.ClientSecretRotated;
import dev.keyledger.kernel.client.event.FederatedCredentialAdded;
import dev.keyledger.kernel.client.event.FederatedCredentialRemoved;
import dev.keyledger.kernel.client.event.RoleAssigned;
import dev.keyledger.kernel.client.event.RoleUnassigned;
import dev.keyledger.kernel.client.event.SecondarySecretAdded;
import dev.keyledger.kernel.client.event.SecondarySecretDeleted;
import dev.keyledger.kernel.client.event.SecondarySecretPromoted;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;
import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.checkpoint.AuditCheckpoint;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.keyledger.query.testing.Events.permissions;
import static dev.keyledger.query.testing.Events.role;
import static dev.keyledger.query.testing.Events.roles;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event type becomes a CloudEvent that its schema accepts, with the audit entry's values and no hash. */
class CloudEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one CloudEvent that is not an audit entry. */
    private static final String CHECKPOINT_WIRE_NAME = "audit.checkpoint";
    private static final ClientId CLIENT = new ClientId("c-7Hq2");
    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123456789Z");
    private static final HashedSecret PRIMARY = secret("s-1", "kls_first-secret-AAAA", null);
    private static final HashedSecret SECONDARY = secret("s-2", "kls_second-secret-BBBB", AT.plusSeconds(3600));

    /** One event of every type, with the stream it lives in. */
    private static final Map<Object, String> EXAMPLES = Map.ofEntries(
            Map.entry(new ClientRegistered(CLIENT, "billing", null, roles("b", "a"), 900,
                    List.of(URI.create("https://api.example.com")), PRIMARY), "Client"),
            Map.entry(new SecondarySecretAdded(CLIENT, SECONDARY), "Client"),
            Map.entry(new SecondarySecretPromoted(CLIENT, SECONDARY.secretId(), PRIMARY.secretId()), "Client"),
            Map.entry(new ClientSecretRotated(CLIENT, SECONDARY, PRIMARY.secretId()), "Client"),
            Map.entry(new SecondarySecretDeleted(CLIENT, SECONDARY.secretId()), "Client"),
            Map.entry(new RoleAssigned(CLIENT, role("reader")), "Client"),
            Map.entry(new RoleUnassigned(CLIENT, role("reader")), "Client"),
            Map.entry(new ClientDetailsChanged(CLIENT, null, "", 120, null), "Client"),
            Map.entry(new ClientDisabled(CLIENT), "Client"),
            Map.entry(new ClientEnabled(CLIENT), "Client"),
            Map.entry(new ClientDeleted(CLIENT), "Client"),
            Map.entry(new ClientKeyAdded(CLIENT, new ClientKey(new ClientKeyId("k-1"), "kid-1", "EC", "ES256",
                    "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"kid\":\"kid-1\","
                            + "\"alg\":\"ES256\"}", AT)), "Client"),
            Map.entry(new ClientKeyRemoved(CLIENT, new ClientKeyId("k-1")), "Client"),
            Map.entry(new FederatedCredentialAdded(CLIENT, new FederatedCredential(new FederatedCredentialId("f-1"),
                    "https://token.actions.githubusercontent.com", "repo:acme/billing:ref:refs/heads/main",
                    List.of("https://keyledger.example"))), "Client"),
            Map.entry(new FederatedCredentialRemoved(CLIENT, new FederatedCredentialId("f-1")), "Client"),
            Map.entry(new RoleCreated(role("reader"), null, permissions("a:read")), "Role"),
            Map.entry(new RolePermissionsReplaced(role("reader"), permissions("b:read"), permissions("b:read"),
                    permissions("a:read")), "Role"),
            Map.entry(new RoleDeleted(role("reader")), "Role"),
            Map.entry(new SigningKeyPublished("k-1", SigningAlgorithm.ES256, "MFkwEwYHKoZIzj0CAQY", AT), "SigningKey"),
            Map.entry(new SigningKeyActivated("k-1"), "SigningKey"),
            Map.entry(new SigningKeyRetired("k-1", AT.plusSeconds(7200)), "SigningKey"),
            Map.entry(new AuditKeyPublished("a-1", SigningAlgorithm.EdDSA, "MCowBQYDK2VwAyEA"), "AuditKey"),
            Map.entry(new AuditKeyActivated("a-1"), "AuditKey"),
            Map.entry(new AuditKeyRetired("a-1"), "AuditKey"));
    private static final AuditCheckpoint CHECKPOINT = new AuditCheckpoint(42, 40, "ab".repeat(32), "cd".repeat(32),
            "2026-11-29T10:15:30.123Z", "a-1", "A".repeat(86));

    @Test
    void whenTheSchemasAreListed_thenThereIsExactlyOnePerWireName() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(CloudEventSchemas.FOLDER).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(WireNames.all().values().stream(),
                            Stream.of(CHECKPOINT_WIRE_NAME)).map(CloudEventSchemas::fileOf).toList());
        }
    }

    @Test
    void whenAnEventOfAnyTypeIsMapped_thenItValidatesAgainstTheSchemaOfItsType() {
        assertThat(EXAMPLES.keySet().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WireNames.all().keySet());
        EXAMPLES.forEach((event, aggregateType) -> {
            String wireName = WireNames.of(event.getClass()).orElseThrow();
            JsonNode json = json(mapped(event, aggregateType));
            assertThat(CloudEventSchemas.violations(wireName, json)).as(wireName).isEmpty();
            assertThat(json.toString()).as(wireName).doesNotContainIgnoringCase("hash")
                    .doesNotContain(PRIMARY.hash().sha256()).doesNotContain(SECONDARY.hash().sha256());
        });
    }

    @Test
    void whenAClientEventIsMapped_thenTheEnvelopeCarriesTheAuditEntrysValues() {
        AuditEntry entry = AuditEntries.of(message(new ClientDisabled(CLIENT), "Client", CLIENT.value()), 42);
        CloudEvent event = CloudEventMapper.of(entry).orElseThrow();

        assertThat(event).isEqualTo(new CloudEvent("1.0", entry.eventId(), "/keyledger/clients",
                "dev.keyledger.client.disabled.v1", "c-7Hq2", "2026-11-29T10:15:30.123456789Z", "application/json",
                Map.of("clientId", "c-7Hq2")));
    }

    @Test
    void whenARoleOrKeyEventIsMapped_thenTheSubjectIsTheBareId() {
        CloudEvent role = mapped(new RoleDeleted(role("reader")), "Role");
        CloudEvent key = mapped(new SigningKeyActivated("k-1"), "SigningKey");
        CloudEvent auditKey = mapped(new AuditKeyActivated("a-1"), "AuditKey");

        assertThat(List.of(role.subject(), role.source())).containsExactly("reader", "/keyledger/roles");
        assertThat(List.of(key.subject(), key.source())).containsExactly("k-1", "/keyledger/signing-keys");
        assertThat(List.of(auditKey.subject(), auditKey.source())).containsExactly("a-1", "/keyledger/audit-keys");
    }

    @Test
    void whenACheckpointIsMapped_thenItValidatesAndIsIdentifiedByItsHashUnderOneSubject() {
        CloudEvent event = CloudEventMapper.of(CHECKPOINT);
        AuditCheckpoint first = new AuditCheckpoint(7, 7, "ab".repeat(32), null, "2026-11-29T10:15:30Z", "a-1",
                "A".repeat(86));

        assertThat(CloudEventSchemas.violations(CHECKPOINT_WIRE_NAME, json(event))).isEmpty();
        assertThat(CloudEventSchemas.violations(CHECKPOINT_WIRE_NAME, json(CloudEventMapper.of(first)))).isEmpty();
        assertThat(event.id()).isEqualTo(CHECKPOINT.hash());
        assertThat(List.of(event.type(), event.source(), event.subject(), event.time())).containsExactly(
                "dev.keyledger.audit.checkpoint.v1", "/keyledger/audit", "audit-checkpoints", CHECKPOINT.createdAt());
        assertThat(CloudEventMapper.of(first).subject()).isEqualTo(event.subject());
        assertThat(json(event).get("data").get("position").asLong()).isEqualTo(42);
    }

    @Test
    void whenTheTypeHasNoWireName_thenThereIsNoEvent() {
        record NewerEvent(String clientId) {
        }
        AuditEntry entry = AuditEntries.of(message(new NewerEvent("c"), "Client", "c"), 1);

        assertThat(CloudEventMapper.of(entry)).isEmpty();
    }

    @Test
    void whenDataHasAFieldItsSchemaDoesNotName_thenTheEventFailsValidation() {
        ObjectNode json = (ObjectNode) json(mapped(new SecondarySecretAdded(CLIENT, SECONDARY), "Client"));
        ((ObjectNode) json.get("data").get("secret")).put("sha256", "00");
        ((ObjectNode) json.get("data")).put("hash", "00");

        assertThat(CloudEventSchemas.violations("client.secondary-secret-added", json)).hasSize(2);
    }

    private static CloudEvent mapped(Object event, String aggregateType) {
        return CloudEventMapper.of(AuditEntries.of(message(event, aggregateType, streamOf(aggregateType)), 7))
                .orElseThrow();
    }

    private static String streamOf(String aggregateType) {
        return switch (aggregateType) {
            case "Role" -> RoleStream.PREFIX + "reader";
            case "SigningKey" -> SigningKeyStream.PREFIX + "k-1";
            case "AuditKey" -> AuditKeyStream.PREFIX + "a-1";
            default -> CLIENT.value();
        };
    }

    private static GenericDomainEventMessage<Object> message(Object payload, String type, String aggregateId) {
        return new GenericDomainEventMessage<>(type, aggregateId, 3, payload,
                Map.of(AuditMetadata.ACTOR, "admin-1"), "evt-" + payload.getClass().getSimpleName(), AT);
    }

    private static JsonNode json(CloudEvent event) {
        try {
            return JSON.readTree(CloudEventMapper.json(event));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HashedSecret secret(String id, String plaintext, Instant expiresAt) {
        HashedSecret hashed = dev.keyledger.query.testing.Events.secret(id, plaintext);
        return new HashedSecret(new SecretId(id), hashed.hash(), hashed.hint(), expiresAt);
    }
}
