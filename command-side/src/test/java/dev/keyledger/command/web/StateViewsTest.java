package dev.keyledger.command.web;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.client.state.SecretState;
import dev.keyledger.kernel.client.view.ClientView;
import dev.keyledger.kernel.client.view.SecretView;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.permission.Permission;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretSlot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A write's answer shows when each secret was last used; a registration's, whose secret is new, asks nobody. */
class StateViewsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant USED = Instant.parse("2026-12-05T09:59:00Z");

    private final SecretId secretId = SecretId.generate();
    private final RecordingUsage usage = new RecordingUsage(Map.of(secretId, USED));
    private final StateViews views = new StateViews(new NoRoles(), usage);
    private final ClientState state = new ClientState(ClientId.generate(), "billing", null, ClientStatus.ACTIVE,
            new TreeSet<>(), 300, List.of(),
            new SecretState(HashedSecret.of(secretId, "kls_" + "a".repeat(43), null), SecretSlot.PRIMARY, NOW),
            null, List.of(), List.of(), 0, NOW, NOW);

    @Test
    void whenAClientIsShownAfterAWrite_thenItsSecretsCarryTheirLastUse() {
        ClientView view = views.client(state);

        assertThat(view.secrets()).extracting(SecretView::lastUsedAt).containsExactly(USED);
        assertThat(usage.asked).containsExactly(List.of(secretId));
    }

    @Test
    void whenANewClientIsShown_thenNoUseIsAskedForAndNoneShown() {
        ClientView view = views.newClient(state);

        assertThat(view.secrets()).extracting(SecretView::lastUsedAt).containsOnlyNulls();
        assertThat(view.secrets()).extracting(SecretView::secretId).containsExactly(secretId);
        assertThat(usage.asked).isEmpty();
    }

    /** Records which secrets' use was asked for. */
    private static final class RecordingUsage implements SecretUsage {

        final List<List<SecretId>> asked = new ArrayList<>();
        private final Map<SecretId, Instant> lastUsed;

        RecordingUsage(Map<SecretId, Instant> lastUsed) {
            this.lastUsed = lastUsed;
        }

        @Override
        public Map<SecretId, Instant> lastUsedAt(Collection<SecretId> secretIds) {
            asked.add(List.copyOf(secretIds));
            return lastUsed;
        }

        @Override
        public Optional<Instant> lastUsedAt(SecretId secretId) {
            return Optional.ofNullable(lastUsedAt(List.of(secretId)).get(secretId));
        }

        @Override
        public Optional<Instant> lastUsedAt(ClientKeyId keyId) {
            return Optional.empty();
        }

        @Override
        public Map<ClientKeyId, Instant> keysLastUsedAt(Collection<ClientKeyId> keyIds) {
            return Map.of();
        }

        @Override
        public Map<FederatedCredentialId, Instant> federatedLastUsedAt(Collection<FederatedCredentialId> ids) {
            return Map.of();
        }

        @Override
        public Duration deleteGuard() {
            return Duration.ofMinutes(15);
        }
    }

    private static final class NoRoles implements RoleDirectory {

        @Override
        public boolean exists(RoleName role) {
            return false;
        }

        @Override
        public SortedSet<Permission> permissionsOf(Collection<RoleName> roles) {
            return new TreeSet<>();
        }
    }
}
