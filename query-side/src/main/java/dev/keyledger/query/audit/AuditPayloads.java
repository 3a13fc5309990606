package dev.keyledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretSlot;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit payload of every event type, mapped field by field: the one registry that the audit trail (and later
 * the Kafka publisher and the JSON Schemas) build on. A domain event is never serialised onto the wire as it is, so
 * a new field in an event (a hash, say) cannot leak by accident. Secrets appear as id, slot, hint and expiry only.
 */
public final class AuditPayloads {

    private static final Map<Class<?>, Function<Object, Map<String, Object>>> MAPPERS = new HashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        register(ClientRegistered.class, e -> fields(
                "clientId", e.clientId().value(),
                "name", e.name(),
                "description", e.description(),
                "roles", strings(e.roles()),
                "accessTokenTtlSeconds", e.accessTokenTtlSeconds(),
                "allowedAudiences", inOrder(e.allowedAudiences()),
                "primarySecret", secret(e.primarySecret(), SecretSlot.PRIMARY)));
        register(SecondarySecretAdded.class, e -> fields(
                "clientId", e.clientId().value(),
                "secret", secret(e.secret(), SecretSlot.SECONDARY)));
        register(SecondarySecretPromoted.class, e -> fields(
                "clientId", e.clientId().value(),
                "promotedSecretId", e.promotedSecretId().value(),
                "demotedSecretId", e.demotedSecretId().value()));
        register(ClientSecretRotated.class, e -> fields(
                "clientId", e.clientId().value(),
                "newPrimary", secret(e.newPrimary(), SecretSlot.PRIMARY),
                "demotedSecretId", e.demotedSecretId().value()));
        register(SecondarySecretDeleted.class, e -> fields(
                "clientId", e.clientId().value(),
                "secretId", e.secretId().value()));
        register(RoleAssigned.class, e -> fields("clientId", e.clientId().value(), "role", e.role().value()));
        register(RoleUnassigned.class, e -> fields("clientId", e.clientId().value(), "role", e.role().value()));
        register(ClientDetailsChanged.class, AuditPayloads::detailsChanged);
        register(ClientDisabled.class, e -> fields("clientId", e.clientId().value()));
        register(ClientEnabled.class, e -> fields("clientId", e.clientId().value()));
        register(ClientDeleted.class, e -> fields("clientId", e.clientId().value()));
        register(ClientKeyAdded.class, e -> fields(
                "clientId", e.clientId().value(),
                "key", key(e.key())));
        register(ClientKeyRemoved.class, e -> fields("clientId", e.clientId().value(), "keyId", e.keyId().value()));
        register(FederatedCredentialAdded.class, e -> fields(
                "clientId", e.clientId().value(),
                "credential", fields(
                        "credentialId", e.credential().credentialId().value(),
                        "issuer", e.credential().issuer(),
                        "subject", e.credential().subject(),
                        "audiences", inOrder(e.credential().audiences()))));
        register(FederatedCredentialRemoved.class, e -> fields(
                "clientId", e.clientId().value(),
                "credentialId", e.credentialId().value()));
        register(RoleCreated.class, e -> fields(
                "name", e.name().value(),
                "description", e.description(),
                "permissions", strings(e.permissions())));
        register(RolePermissionsReplaced.class, e -> fields(
                "name", e.name().value(),
                "permissions", strings(e.permissions()),
                "added", strings(e.added()),
                "removed", strings(e.removed())));
        register(RoleDeleted.class, e -> fields("name", e.name().value()));
        register(SigningKeyPublished.class, e -> fields(
                "kid", e.kid(),
                "alg", e.algorithm().name(),
                "publicKey", e.publicKey(),
                "activatesAt", e.activatesAt()));
        register(SigningKeyActivated.class, e -> fields("kid", e.kid()));
        register(SigningKeyRetired.class, e -> fields("kid", e.kid(), "verifyUntil", e.verifyUntil()));
        register(AuditKeyPublished.class, e -> fields(
                "kid", e.kid(),
                "alg", e.algorithm().name(),
                "publicKey", e.publicKey()));
        register(AuditKeyActivated.class, e -> fields("kid", e.kid()));
        register(AuditKeyRetired.class, e -> fields("kid", e.kid()));
    }

    private AuditPayloads() {
    }

    /** The payload of an event, or empty for a type that has no mapper (and so must not be shown). */
    public static Optional<Map<String, Object>> of(Object event) {
        return Optional.ofNullable(MAPPERS.get(event.getClass())).map(mapper -> mapper.apply(event));
    }

    /** The event types that have a mapper, for completeness checks. */
    public static Collection<Class<?>> types() {
        return MAPPERS.keySet();
    }

    @SuppressWarnings("unchecked")
    private static <E> void register(Class<E> type, Function<E, Map<String, Object>> mapper) {
        MAPPERS.put(type, event -> mapper.apply((E) event));
    }

    /** Only the fields that changed, as the event holds them; a cleared description is {@code ""}. */
    private static Map<String, Object> detailsChanged(ClientDetailsChanged e) {
        Map<String, Object> payload = fields("clientId", e.clientId().value());
        putIfPresent(payload, "name", e.name());
        putIfPresent(payload, "description", e.description());
        putIfPresent(payload, "accessTokenTtlSeconds", e.accessTokenTtlSeconds());
        putIfPresent(payload, "allowedAudiences", e.allowedAudiences() == null ? null : inOrder(e.allowedAudiences()));
        return payload;
    }

    private static Map<String, Object> secret(HashedSecret secret, SecretSlot slot) {
        return fields(
                "secretId", secret.secretId().value(),
                "slot", slot.name(),
                "hint", secret.hint(),
                "expiresAt", secret.expiresAt());
    }

    /** A public key: its ids, algorithm and public JWK (public material, like a signing key's). */
    private static Map<String, Object> key(ClientKey key) {
        return fields(
                "keyId", key.keyId().value(),
                "kid", key.kid(),
                "kty", key.kty(),
                "alg", key.alg(),
                "jwk", jsonObject(key.publicJwk()),
                "expiresAt", key.expiresAt());
    }

    private static Map<String, Object> jsonObject(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored public JWK is not a JSON object", e);
        }
    }

    /** Sets, rendered in a stable order. */
    private static List<String> strings(Collection<?> values) {
        return values.stream().map(Objects::toString).sorted().toList();
    }

    private static List<String> inOrder(Collection<?> values) {
        return values.stream().map(Objects::toString).toList();
    }

    private static void putIfPresent(Map<String, Object> payload, String name, Object value) {
        if (value != null) {
            payload.put(name, value);
        }
    }

    /** An ordered map from alternating names and values; null values are kept, as JSON nulls. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
