package dev.keyledger.kernel.client.state;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.event.ClientDeleted;
import dev.keyledger.kernel.client.event.ClientDetailsChanged;
import dev.keyledger.kernel.client.event.ClientDisabled;
import dev.keyledger.kernel.client.event.ClientEnabled;
import dev.keyledger.kernel.client.event.ClientEvent;
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
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretSlot;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client fold as a plain function: given events, expect the state. That the aggregate's decisions and this fold
 * agree over random histories is the command side's {@code ClientHistoriesTest}.
 */
class ClientFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.000Z");
    private static final ClientId ID = new ClientId("c1");
    private static final HashedSecret FIRST = secret("s1", "kls_first-secret-AAAA");
    private static final HashedSecret SECOND = secret("s2", "kls_second-secret-BBBB");
    private static final HashedSecret THIRD = secret("s3", "kls_third-secret-CCCC");

    private static ClientState fold(ClientEvent... events) {
        ClientState state = null;
        for (int i = 0; i < events.length; i++) {
            state = ClientFold.apply(state, events[i], i, at(i));
        }
        return state;
    }

    private static ClientRegistered registered() {
        return new ClientRegistered(ID, "billing", "bills", roles("reader"), 900,
                List.of(URI.create("https://api.example.com")), FIRST);
    }

    @Test
    void whenRegistered_thenActiveWithItsPrimaryAndVersionZero() {
        ClientState state = fold(registered());
        assertThat(state.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(state.roles()).containsExactly(role("reader"));
        assertThat(state.primary().secret()).isEqualTo(FIRST);
        assertThat(state.primary().slot()).isEqualTo(SecretSlot.PRIMARY);
        assertThat(state.secondary()).isNull();
        assertThat(state.version()).isZero();
        assertThat(state.createdAt()).isEqualTo(at(0)).isEqualTo(state.updatedAt());
    }

    @Test
    void whenStagedAndPromoted_thenTheSlotsSwapAndCreationTimesStay() {
        ClientState state = fold(registered(), new SecondarySecretAdded(ID, SECOND),
                new SecondarySecretPromoted(ID, SECOND.secretId(), FIRST.secretId()));
        assertThat(state.primary().secret()).isEqualTo(SECOND);
        assertThat(state.primary().createdAt()).isEqualTo(at(1));
        assertThat(state.secondary().secret()).isEqualTo(FIRST);
        assertThat(state.secondary().slot()).isEqualTo(SecretSlot.SECONDARY);
        assertThat(state.secondary().createdAt()).isEqualTo(at(0));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void whenRotatedAndTheOldOneDeleted_thenOnlyTheNewPrimaryIsLeft() {
        ClientState state = fold(registered(), new ClientSecretRotated(ID, THIRD, FIRST.secretId()));
        assertThat(state.primary().secret()).isEqualTo(THIRD);
        assertThat(state.secondary().secret()).isEqualTo(FIRST);
        state = ClientFold.apply(state, new SecondarySecretDeleted(ID, FIRST.secretId()), 2, at(2));
        assertThat(state.secrets()).extracting(SecretState::secret).containsExactly(THIRD);
    }

    @Test
    void whenDetailsChange_thenOnlyThePresentFieldsChangeAndAnEmptyDescriptionClears() {
        ClientState state = fold(registered(), new ClientDetailsChanged(ID, null, "", 120, null));
        assertThat(state.name()).isEqualTo("billing");
        assertThat(state.description()).isNull();
        assertThat(state.accessTokenTtlSeconds()).isEqualTo(120);
        assertThat(state.allowedAudiences()).containsExactly(URI.create("https://api.example.com"));
        assertThat(state.updatedAt()).isEqualTo(at(1));
        assertThat(state.createdAt()).isEqualTo(at(0));
    }

    @Test
    void whenRolesAndStatusChange_thenTheyFollowTheEvents() {
        ClientState state = fold(registered(), new RoleAssigned(ID, role("writer")),
                new RoleUnassigned(ID, role("reader")), new ClientDisabled(ID));
        assertThat(state.roles()).containsExactly(role("writer"));
        assertThat(state.status()).isEqualTo(ClientStatus.DISABLED);
        state = ClientFold.apply(state, new ClientEnabled(ID), 4, at(4));
        assertThat(state.status()).isEqualTo(ClientStatus.ACTIVE);
        state = ClientFold.apply(state, new ClientDeleted(ID), 5, at(5));
        assertThat(state.status()).isEqualTo(ClientStatus.DELETED);
        assertThat(state.version()).isEqualTo(5);
    }

    @Test
    void whenAnEventIsRedelivered_thenTheSnapshotSaysItIsNotNews() {
        ClientState state = fold(registered(), new ClientDisabled(ID));
        assertThat(state.isBefore(1)).isFalse();
        assertThat(state.isBefore(2)).isTrue();
    }

    @Test
    void whenAnEventDoesNotFollowTheState_thenTheFoldRefusesIt() {
        assertThatThrownBy(() -> ClientFold.apply(null, new ClientDisabled(ID), 1, at(1)))
                .isInstanceOf(IllegalStateException.class);
        ClientState state = fold(registered());
        assertThatThrownBy(() -> ClientFold.apply(state, registered(), 0, at(0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenPrinted_thenNoHashShows() {
        assertThat(fold(registered()).toString()).doesNotContain(FIRST.hash().sha256());
    }

    @Test
    void whenAnyClientEventFollowsARegistration_thenTheFoldKnowsIt() {
        ClientState registered = fold(registered());
        ClientState withSecondary = ClientFold.apply(registered, new SecondarySecretAdded(ID, SECOND), 1, at(1));
        List<ClientEvent> everyKind = List.of(registered(), new ClientDetailsChanged(ID, "b", null, null, null),
                new SecondarySecretAdded(ID, SECOND), new SecondarySecretPromoted(ID, SECOND.secretId(),
                        FIRST.secretId()), new ClientSecretRotated(ID, THIRD, FIRST.secretId()),
                new SecondarySecretDeleted(ID, SECOND.secretId()), new RoleAssigned(ID, role("writer")),
                new RoleUnassigned(ID, role("reader")), new ClientDisabled(ID), new ClientEnabled(ID),
                new ClientDeleted(ID), new ClientKeyAdded(ID, key("k1")), new ClientKeyRemoved(ID, key("k1").keyId()),
                new FederatedCredentialAdded(ID, rule("f1")),
                new FederatedCredentialRemoved(ID, rule("f1").credentialId()));
        assertThat(everyKind).extracting(Object::getClass).as("one event of each kind the family permits")
                .containsExactlyInAnyOrder(ClientEvent.class.getPermittedSubclasses());
        for (ClientEvent event : everyKind) {
            ClientState before = event instanceof ClientRegistered ? null
                    : event instanceof SecondarySecretPromoted || event instanceof SecondarySecretDeleted
                    ? withSecondary : registered;
            long sequence = before == null ? 0 : before.version() + 1;
            assertThat(ClientFold.apply(before, event, sequence, at(5)).version()).as(event.toString())
                    .isEqualTo(sequence);
        }
    }

    @Test
    void whenKeysAreAddedAndOneRemoved_thenTheOtherStaysWithItsCreationTimeAndSecretsAreUntouched() {
        ClientKey first = key("k1");
        ClientKey second = key("k2");
        ClientState state = fold(registered(), new ClientKeyAdded(ID, first), new ClientKeyAdded(ID, second),
                new ClientKeyRemoved(ID, first.keyId()));
        assertThat(state.keys()).containsExactly(new ClientKeyState(second, at(2)));
        assertThat(state.primary().secret()).isEqualTo(FIRST);
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void whenFederatedCredentialsAreAddedAndOneRemoved_thenTheOtherStays() {
        ClientState state = fold(registered(), new FederatedCredentialAdded(ID, rule("f1")),
                new FederatedCredentialAdded(ID, rule("f2")),
                new FederatedCredentialRemoved(ID, rule("f1").credentialId()));
        assertThat(state.federatedCredentials()).containsExactly(new FederatedCredentialState(rule("f2"), at(2)));
        assertThat(state.version()).isEqualTo(3);
    }

    private static FederatedCredential rule(String id) {
        return new FederatedCredential(new FederatedCredentialId(id), "https://token.actions.githubusercontent.com",
                "repo:acme/billing:ref:refs/heads/main", List.of("https://keyledger.example"));
    }

    private static ClientKey key(String id) {
        return new ClientKey(new ClientKeyId(id), "kid-" + id, "EC", "ES256", "{\"kty\":\"EC\"}", null);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static RoleName role(String name) {
        return new RoleName(name);
    }

    private static Set<RoleName> roles(String... names) {
        return Arrays.stream(names).map(RoleName::new).collect(Collectors.toSet());
    }

    private static HashedSecret secret(String id, String plaintext) {
        return HashedSecret.of(new SecretId(id), plaintext, null);
    }
}
