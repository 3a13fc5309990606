package dev.keyledger.kernel.audit;

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
import dev.keyledger.kernel.role.event.RoleCreated;
import dev.keyledger.kernel.role.event.RoleDeleted;
import dev.keyledger.kernel.role.event.RolePermissionsReplaced;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;

import java.util.Map;
import java.util.Optional;

/**
 * The stable wire name of every event type (API.md §2 "Audit"), the one place that maps Java classes to the names
 * that audit entries and CloudEvents carry. A class may be renamed; its wire name may not.
 */
public final class WireNames {

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(ClientRegistered.class, "client.registered"),
            Map.entry(SecondarySecretAdded.class, "client.secondary-secret-added"),
            Map.entry(SecondarySecretPromoted.class, "client.secondary-secret-promoted"),
            Map.entry(ClientSecretRotated.class, "client.secret-rotated"),
            Map.entry(SecondarySecretDeleted.class, "client.secondary-secret-deleted"),
            Map.entry(RoleAssigned.class, "client.role-assigned"),
            Map.entry(RoleUnassigned.class, "client.role-unassigned"),
            Map.entry(ClientDetailsChanged.class, "client.details-changed"),
            Map.entry(ClientDisabled.class, "client.disabled"),
            Map.entry(ClientEnabled.class, "client.enabled"),
            Map.entry(ClientDeleted.class, "client.deleted"),
            Map.entry(ClientKeyAdded.class, "client.key-added"),
            Map.entry(ClientKeyRemoved.class, "client.key-removed"),
            Map.entry(FederatedCredentialAdded.class, "client.federated-credential-added"),
            Map.entry(FederatedCredentialRemoved.class, "client.federated-credential-removed"),
            Map.entry(RoleCreated.class, "role.created"),
            Map.entry(RolePermissionsReplaced.class, "role.permissions-replaced"),
            Map.entry(RoleDeleted.class, "role.deleted"),
            Map.entry(SigningKeyPublished.class, "signing-key.published"),
            Map.entry(SigningKeyActivated.class, "signing-key.activated"),
            Map.entry(SigningKeyRetired.class, "signing-key.retired"),
            Map.entry(AuditKeyPublished.class, "audit-key.published"),
            Map.entry(AuditKeyActivated.class, "audit-key.activated"),
            Map.entry(AuditKeyRetired.class, "audit-key.retired"));

    private WireNames() {
    }

    public static Optional<String> of(Class<?> eventType) {
        return Optional.ofNullable(NAMES.get(eventType));
    }

    /** Every registered event type, for completeness checks. */
    public static Map<Class<?>, String> all() {
        return NAMES;
    }
}
