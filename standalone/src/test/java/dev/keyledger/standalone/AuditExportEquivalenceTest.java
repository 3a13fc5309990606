package dev.keyledger.standalone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
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
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;
import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.audit.StoredAuditEntries;
import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEvent;
import dev.keyledger.query.eventstore.StoredEvents;
import dev.keyledger.query.integration.CloudEventMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit export reads stored rows without Axon's messages (docs/DECISIONS.md 117); over a randomized history of
 * every event type, with awkward text, instants of every precision and odd metadata, it writes byte for byte what
 * the mapping of Axon's deserialized messages writes ({@link AuditEntries#of(StoredEvent)} through the service's
 * mapper): the NDJSON export, the JSON pages, and the entries of the evidence file, which are hashed; and the
 * CloudEvents a republish sends are those of the live publisher.
 */
// Not @KeyledgerService: appends events of every type, some of them unlike anything the command side writes.
class AuditExportEquivalenceTest {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final String[] TEXTS = {"plain", "ünïcödé — 名前 😀", "quote \" back \\ slash", "tab\tnew\nline",
            "control \u0001 \u001f and \u2028", "", "</script>"};

    @TempDir
    Path dataDir;

    /** A payload type that exists but has no wire name: {@code unknown}, with an empty payload. */
    record NewerEvent(String clientId) {
    }

    @Test
    void whenARandomHistoryIsExported_thenEveryEntryIsWhatTheMessagePathWrites() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            keyledger.bean(EventStorageEngine.class).appendEvents(history(random));
            ObjectMapper json = keyledger.bean(ObjectMapper.class);
            List<AuditEntry> expected = keyledger.bean(StoredEvents.class)
                    .list(new EventCriteria(List.of(), List.of(), null, null, -1, null))
                    .stream().map(AuditEntries::of).toList();
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (AuditEntry entry : expected) {
                lines.write(json.writeValueAsBytes(entry));
                lines.write('\n');
            }
            String token = keyledger.newAdminToken();

            String exported = get(keyledger, token, "/api/v1/audit/events", "application/x-ndjson");
            assertThat(exported).as("NDJSON export, seed %d", seed).isEqualTo(lines.toString(StandardCharsets.UTF_8));

            // As text: read back, a position is an int node where the entry's is a long one.
            List<String> paged = new ArrayList<>();
            String after = "";
            while (after != null) {
                JsonNode page = json.readTree(get(keyledger, token, "/api/v1/audit/events?limit=1000" + after,
                        "application/json"));
                for (JsonNode item : page.get("items")) {
                    paged.add(json.writeValueAsString(item));
                }
                after = page.get("next").isNull() ? null : "&after=" + page.get("next").asLong();
            }
            assertThat(paged).as("JSON pages, seed %d", seed)
                    .isEqualTo(expected.stream().map(entry -> text(json, entry)).toList());

            Map<Long, String> hashed = new HashMap<>();
            for (AuditEntry entry : expected) {
                hashed.put(entry.globalPosition(),
                        CanonicalJson.text(json.readValue(json.writeValueAsBytes(entry), JSON_OBJECT)));
            }
            long head = expected.get(expected.size() - 1).globalPosition();
            Eventually.holds("every event linked into the hash chain", () -> keyledger.admin()
                    .send("GET", "/api/v1/audit/verify", null).json().get("checkedEvents").asLong() >= expected.size());
            int compared = 0;
            for (String line : get(keyledger, token, "/api/v1/audit/evidence?to=" + (head + 1), "application/x-ndjson")
                    .split("\n")) {
                JsonNode evidence = json.readTree(line);
                if (evidence.get("kind").asText().equals("event")) {
                    assertThat(CanonicalJson.text(json.convertValue(evidence.get("entry"), JSON_OBJECT)))
                            .as("evidence entry at %s, seed %d", evidence.get("position"), seed)
                            .isEqualTo(hashed.get(evidence.get("position").asLong()));
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(expected.size());

            // A republish maps the same rows for the integration topic: the live publisher's CloudEvents, byte for byte.
            EventCriteria all = new EventCriteria(List.of(), List.of(), null, null, -1, null);
            StoredAuditEntries rows = keyledger.bean(StoredAuditEntries.class);
            List<String> live = keyledger.bean(StoredEvents.class).list(all).stream()
                    .map(stored -> cloudEvent(AuditEntries.withoutMetadata(stored.message(), stored.globalPosition())))
                    .toList();
            assertThat(keyledger.bean(StoredEvents.class).listRows(all).stream()
                    .map(row -> cloudEvent(rows.withoutMetadata(row))).toList())
                    .as("CloudEvents, seed %d", seed).isEqualTo(live).contains("none");
        }
    }

    /** The CloudEvent's bytes as the topic gets them, or {@code none} for an event that is not published. */
    private static String cloudEvent(AuditEntry entry) {
        return CloudEventMapper.of(entry).map(event -> new String(CloudEventMapper.json(event), StandardCharsets.UTF_8))
                .orElse("none");
    }

    private static String text(ObjectMapper json, AuditEntry entry) {
        try {
            return json.writeValueAsString(json.readTree(json.writeValueAsBytes(entry)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(RunningKeyledger keyledger, String token, String path, String accept) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + keyledger.port() + path))
                .header("Accept", accept).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Clients, roles and keys, each stream in a plausible order, with every event type at least once. */
    private static List<DomainEventMessage<?>> history(Random random) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<RoleName> roles = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            RoleName role = new RoleName("eq-role-" + r);
            roles.add(role);
            String stream = RoleStream.idOf(role);
            events.add(message(random, "Role", stream, 0,
                    new RoleCreated(role, maybe(random, text(random)), permissions(random))));
            events.add(message(random, "Role", stream, 1, new RolePermissionsReplaced(role, permissions(random),
                    permissions(random), permissions(random))));
            if (r % 4 == 3) {
                events.add(message(random, "Role", stream, 2, new RoleDeleted(role)));
            }
        }
        for (int c = 0; c < 300; c++) {
            ClientId id = c == 0 ? ClientId.of("x.Y_z~-0") : ClientId.generate();
            List<Object> stream = new ArrayList<>();
            HashedSecret primary = secret(random);
            stream.add(new ClientRegistered(id, text(random), maybe(random, text(random)), roleSet(random, roles),
                    1 + random.nextInt(86_400), audiences(random), primary));
            for (int e = random.nextInt(12); e > 0; e--) {
                stream.add(switch (random.nextInt(15)) {
                    case 0 -> new SecondarySecretAdded(id, secret(random));
                    case 1 -> new SecondarySecretPromoted(id, SecretId.generate(), SecretId.generate());
                    case 2 -> new ClientSecretRotated(id, secret(random), SecretId.generate());
                    case 3 -> new SecondarySecretDeleted(id, SecretId.generate());
                    case 4 -> new RoleAssigned(id, roles.get(random.nextInt(roles.size())));
                    case 5 -> new RoleUnassigned(id, roles.get(random.nextInt(roles.size())));
                    case 6 -> new ClientDetailsChanged(id, maybe(random, text(random)), maybe(random, text(random)),
                            random.nextBoolean() ? null : random.nextInt(100_000),
                            random.nextBoolean() ? null : audiences(random));
                    case 7 -> new ClientDisabled(id);
                    case 8 -> new ClientEnabled(id);
                    case 9 -> new ClientKeyAdded(id, new ClientKey(ClientKeyId.generate(), "kid-" + text(random),
                            "EC", "ES256", jwk(random), instant(random)));
                    case 10 -> new ClientKeyRemoved(id, ClientKeyId.generate());
                    case 11 -> new FederatedCredentialAdded(id, new FederatedCredential(
                            FederatedCredentialId.generate(), "https://issuer.example/" + c, text(random),
                            List.of("aud-" + random.nextInt(3), text(random))));
                    case 12 -> new FederatedCredentialRemoved(id, FederatedCredentialId.generate());
                    case 13 -> new NewerEvent(id.value());
                    default -> new ClientDetailsChanged(id, null, "", null, List.of());
                });
            }
            if (random.nextInt(10) == 0) {
                stream.add(new ClientDeleted(id));
            }
            for (int s = 0; s < stream.size(); s++) {
                events.add(message(random, "Client", id.value(), s, stream.get(s)));
            }
        }
        events.add(message(random, "SigningKey", SigningKeyStream.idOf("eq-gone"), 0,
                new SigningKeyRetired("eq-gone", instant(random))));
        events.add(message(random, "AuditKey", AuditKeyStream.idOf("eq-gone"), 0, new AuditKeyRetired("eq-gone")));
        return events;
    }

    private static DomainEventMessage<?> message(Random random, String type, String aggregateId, long sequence,
                                                 Object payload) {
        Map<String, Object> metadata = new HashMap<>();
        switch (random.nextInt(6)) {
            case 0 -> metadata.put(AuditMetadata.ACTOR, "system");
            case 1 -> {
                metadata.put(AuditMetadata.ACTOR, 42L);
                metadata.put(AuditMetadata.CORRELATION_ID, true);
            }
            case 2 -> metadata.put("other", List.of("a", 1));
            default -> {
                metadata.put(AuditMetadata.ACTOR, text(random));
                metadata.put(AuditMetadata.CORRELATION_ID, "corr-" + random.nextInt(1000));
                metadata.put(AuditMetadata.SOURCE_ADDRESS, "127.0.0.1");
            }
        }
        return new GenericDomainEventMessage<>(type, aggregateId, sequence,
                new GenericMessage<>(payload, MetaData.from(metadata)), instant(random));
    }

    /** Whole seconds, milliseconds, and now and then a year that does not fit in four digits. */
    private static Instant instant(Random random) {
        long second = 1_700_000_000L + random.nextInt(500_000_000);
        return switch (random.nextInt(8)) {
            case 0 -> Instant.ofEpochSecond(second);
            case 1 -> Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            case 2 -> Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000L);
            case 3 -> Instant.parse("+12026-01-02T03:04:05.006Z");
            case 4 -> Instant.parse("0001-01-01T00:00:00Z");
            default -> Instant.ofEpochMilli(second * 1000 + random.nextInt(1000));
        };
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
    }

    private static <T> T maybe(Random random, T value) {
        return random.nextBoolean() ? value : null;
    }

    private static HashedSecret secret(Random random) {
        return HashedSecret.of(SecretId.generate(), "kls_secret_" + random.nextLong(),
                random.nextBoolean() ? null : instant(random));
    }

    private static Set<Permission> permissions(Random random) {
        Set<Permission> permissions = new LinkedHashSet<>();
        for (int p = random.nextInt(4); p > 0; p--) {
            permissions.add(new Permission("perm:" + (char) ('z' - random.nextInt(26)) + random.nextInt(10)));
        }
        return permissions;
    }

    private static Set<RoleName> roleSet(Random random, List<RoleName> roles) {
        Set<RoleName> set = new LinkedHashSet<>();
        for (int r = random.nextInt(4); r > 0; r--) {
            set.add(roles.get(random.nextInt(roles.size())));
        }
        return set;
    }

    private static List<URI> audiences(Random random) {
        List<URI> audiences = new ArrayList<>();
        for (int a = random.nextInt(3); a > 0; a--) {
            audiences.add(URI.create("https://api-" + random.nextInt(50) + ".example/"));
        }
        return audiences;
    }

    /** A public JWK with members of every JSON kind: the payload shows it as a JSON object. */
    private static String jwk(Random random) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x" + random.nextInt(1000) + "\",\"y\":\"y\",\"n\":"
                + random.nextDouble() + ",\"big\":9007199254740991,\"neg\":-2147483649,\"e\":1e3,\"ok\":true,\"none\":null,"
                + "\"nested\":{\"list\":[1,\"two\",[3]]}}";
    }
}
