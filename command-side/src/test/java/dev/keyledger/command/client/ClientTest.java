package dev.keyledger.command.client;

import dev.keyledger.command.refusal.Conflict;
import dev.keyledger.command.refusal.NotFound;
import dev.keyledger.command.refusal.StaleVersion;
import dev.keyledger.kernel.VersionedCommand;
import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.client.command.AddClientKey;
import dev.keyledger.kernel.client.command.AddFederatedCredential;
import dev.keyledger.kernel.client.command.AddSecondarySecret;
import dev.keyledger.kernel.client.command.AssignRole;
import dev.keyledger.kernel.client.command.ChangeClientDetails;
import dev.keyledger.kernel.client.command.DeleteClient;
import dev.keyledger.kernel.client.command.DeleteSecondarySecret;
import dev.keyledger.kernel.client.command.DisableClient;
import dev.keyledger.kernel.client.command.EnableClient;
import dev.keyledger.kernel.client.command.PromoteSecondarySecret;
import dev.keyledger.kernel.client.command.RegisterClient;
import dev.keyledger.kernel.client.command.RemoveClientKey;
import dev.keyledger.kernel.client.command.RemoveFederatedCredential;
import dev.keyledger.kernel.client.command.RotateClientSecret;
import dev.keyledger.kernel.client.command.UnassignRole;
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
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.HashedSecret;
import dev.keyledger.kernel.secret.SecretSlot;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.keyledger.command.testing.FixtureMatchers.refusal;
import static dev.keyledger.command.testing.FixtureMatchers.satisfying;
import static dev.keyledger.kernel.secret.SecretSlot.PRIMARY;
import static dev.keyledger.kernel.secret.SecretSlot.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client aggregate as a specification: given its past events, when a command arrives, expect new events or a
 * refusal. A version is the sequence number of the client's last event, so a freshly registered client is at 0.
 */
class ClientTest {

    private static final ClientId CLIENT = ClientId.of("billing-service");
    private static final RoleName READER = RoleName.of("reader");
    private static final RoleName AUDITOR = RoleName.of("auditor");
    private static final RoleName UNKNOWN_ROLE = RoleName.of("no-such-role");
    private static final URI BILLING_API = URI.create("https://billing.example.com");
    private static final URI LEDGER_API = URI.create("https://ledger.example.com");
    private static final HashedSecret FIRST = secret("s1");
    private static final HashedSecret SECOND = secret("s2");
    private static final HashedSecret THIRD = secret("s3");
    private static final SecretId UNKNOWN_SECRET = SecretId.of("s9");
    private static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");
    private static final ClientKey KEY_1 = key("k1", "kid-1");
    private static final ClientKey KEY_2 = key("k2", "kid-2");
    private static final ClientKey KEY_3 = key("k3", "kid-3");
    private static final FederatedCredential RULE_1 = new FederatedCredential(FederatedCredentialId.of("f1"),
            "https://token.actions.githubusercontent.com", "repo:acme/billing:ref:refs/heads/main",
            List.of("https://keyledger.example"));

    private FixtureConfiguration<Client> fixture;
    private InMemorySecretUsage secretUsage;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(Client.class);
        secretUsage = new InMemorySecretUsage();
        fixture.registerInjectableResource(new InMemoryRoleDirectory().with(READER).with(AUDITOR));
        fixture.registerInjectableResource(secretUsage);
    }

    @Nested
    class Registration {

        @Test
        void whenRegisteredWithoutRoles_thenClientRegisteredAndItsStateIsTheAnswer() {
            fixture.givenNoPriorActivity()
                    .when(register(Set.of()))
                    .expectEvents(registered(Set.of()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.clientId()).isEqualTo(CLIENT);
                        assertThat(state.version()).isZero();
                        assertThat(state.status()).isEqualTo(ClientStatus.ACTIVE);
                    }));
        }

        @Test
        void whenRegisteredWithExistingRoles_thenClientRegisteredHoldingThem() {
            fixture.givenNoPriorActivity()
                    .when(register(Set.of(READER, AUDITOR)))
                    .expectEvents(registered(Set.of(READER, AUDITOR)))
                    .expectState(client -> {
                        ClientState state = client.state();
                        assertThat(state.version()).isZero();
                        assertThat(state.status()).isEqualTo(ClientStatus.ACTIVE);
                        assertThat(state.roles()).containsExactly(AUDITOR, READER);
                        assertThat(slots(state)).isEqualTo(primaryOnly(FIRST));
                    });
        }

        @Test
        void whenARoleIsUnknown_thenNotFound() {
            fixture.givenNoPriorActivity()
                    .when(register(Set.of(READER, UNKNOWN_ROLE)))
                    .expectException(refusal(NotFound.class, "unknown-role"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Details {

        @Test
        void whenOnlyTheNameDiffers_thenOnlyTheNameIsInTheEvent() {
            fixture.given(registered())
                    .when(changeDetails("Invoicing service", "Bills customers", 300, List.of(BILLING_API)))
                    .expectEvents(new ClientDetailsChanged(CLIENT, "Invoicing service", null, null, null));
        }

        @Test
        void whenEveryFieldDiffers_thenEveryFieldIsInTheEvent() {
            fixture.given(registered())
                    .when(changeDetails("Invoicing service", "Sends invoices", 600, List.of(LEDGER_API)))
                    .expectEvents(new ClientDetailsChanged(CLIENT, "Invoicing service", "Sends invoices", 600,
                            List.of(LEDGER_API)))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(1);
                        assertThat(state.name()).isEqualTo("Invoicing service");
                        assertThat(state.description()).isEqualTo("Sends invoices");
                        assertThat(state.accessTokenTtlSeconds()).isEqualTo(600);
                        assertThat(state.allowedAudiences()).containsExactly(LEDGER_API);
                    }));
        }

        @Test
        void whenEveryFieldIsNull_thenNoEvents() {
            fixture.given(registered())
                    .when(changeDetails(null, null, null, null))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(clientState(state -> assertThat(state.version()).isZero()));
        }

        @Test
        void whenEveryFieldEqualsTheCurrentOne_thenNoEvents() {
            fixture.given(registered())
                    .when(changeDetails("Billing service", "Bills customers", 300, List.of(BILLING_API)))
                    .expectNoEvents();
        }

        @Test
        void whenDescriptionIsNull_thenDescriptionIsUnchanged() {
            fixture.given(registered())
                    .when(changeDetails(null, null, 600, null))
                    .expectEvents(new ClientDetailsChanged(CLIENT, null, null, 600, null))
                    .expectResultMessagePayloadMatching(clientState(
                            state -> assertThat(state.description()).isEqualTo("Bills customers")));
        }

        @Test
        void whenDescriptionIsEmpty_thenDescriptionIsCleared() {
            fixture.given(registered())
                    .when(changeDetails(null, "", null, null))
                    .expectEvents(new ClientDetailsChanged(CLIENT, null, "", null, null))
                    .expectResultMessagePayloadMatching(clientState(state -> assertThat(state.description()).isNull()));
        }

        @Test
        void whenDescriptionIsEmptyAndAlreadyAbsent_thenNoEvents() {
            fixture.given(registered(null, Set.of()))
                    .when(changeDetails(null, "", null, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Secrets {

        @Test
        void whenNoSecondaryExists_thenSecondaryAdded() {
            fixture.given(registered())
                    .when(new AddSecondarySecret(CLIENT, SECOND, null))
                    .expectEvents(new SecondarySecretAdded(CLIENT, SECOND))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(1);
                        assertThat(slots(state)).isEqualTo(primaryAndSecondary(FIRST, SECOND));
                    }));
        }

        @Test
        void whenAddingWhileASecondaryExists_thenConflict() {
            fixture.given(registered(), secondaryAdded())
                    .when(new AddSecondarySecret(CLIENT, THIRD, null))
                    .expectException(refusal(Conflict.class, "secondary-secret-exists"))
                    .expectNoEvents();
        }

        @Test
        void whenTheSecondaryIsPromoted_thenTheSlotsSwap() {
            fixture.given(registered(), secondaryAdded())
                    .when(new PromoteSecondarySecret(CLIENT, SECOND.secretId(), null))
                    .expectEvents(new SecondarySecretPromoted(CLIENT, SECOND.secretId(), FIRST.secretId()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(2);
                        assertThat(slots(state)).isEqualTo(primaryAndSecondary(SECOND, FIRST));
                    }));
        }

        @Test
        void whenThePrimaryIsPromoted_thenConflict() {
            fixture.given(registered(), secondaryAdded())
                    .when(new PromoteSecondarySecret(CLIENT, FIRST.secretId(), null))
                    .expectException(refusal(Conflict.class, "primary-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenAnUnknownSecretIsPromoted_thenNotFound() {
            fixture.given(registered(), secondaryAdded())
                    .when(new PromoteSecondarySecret(CLIENT, UNKNOWN_SECRET, null))
                    .expectException(refusal(NotFound.class, "unknown-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenPromotingWithoutASecondary_thenNotFound() {
            fixture.given(registered())
                    .when(new PromoteSecondarySecret(CLIENT, SECOND.secretId(), null))
                    .expectException(refusal(NotFound.class, "unknown-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenRotatedWithoutASecondary_thenNewPrimaryAndTheOldOneDemoted() {
            fixture.given(registered())
                    .when(new RotateClientSecret(CLIENT, SECOND, null))
                    .expectEvents(new ClientSecretRotated(CLIENT, SECOND, FIRST.secretId()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(1);
                        assertThat(slots(state)).isEqualTo(primaryAndSecondary(SECOND, FIRST));
                    }));
        }

        @Test
        void whenRotatingWhileASecondaryExists_thenConflict() {
            fixture.given(registered(), secondaryAdded())
                    .when(new RotateClientSecret(CLIENT, THIRD, null))
                    .expectException(refusal(Conflict.class, "secondary-secret-exists"))
                    .expectNoEvents();
        }

        @Test
        void whenTheSecondaryIsDeleted_thenOnlyThePrimaryRemains() {
            fixture.given(registered(), secondaryAdded())
                    .when(new DeleteSecondarySecret(CLIENT, SECOND.secretId(), false, null))
                    .expectEvents(new SecondarySecretDeleted(CLIENT, SECOND.secretId()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(2);
                        assertThat(slots(state)).isEqualTo(primaryOnly(FIRST));
                    }));
        }

        @Test
        void whenTheSecondaryAuthenticatedWithinTheGuard_thenConflictNamingWhen() {
            Instant lastUsed = NOW.minusSeconds(60);
            secretUsage.usedAt(SECOND.secretId(), lastUsed);
            fixture.given(registered(), secondaryAdded())
                    .andGivenCurrentTime(NOW)
                    .when(new DeleteSecondarySecret(CLIENT, SECOND.secretId(), false, null))
                    .expectException(refusal(Conflict.class, "secret-recently-used"))
                    .expectNoEvents();
        }

        @Test
        void whenTheSecondaryAuthenticatedWithinTheGuardButDeletionIsForced_thenDeleted() {
            secretUsage.usedAt(SECOND.secretId(), NOW.minusSeconds(60));
            fixture.given(registered(), secondaryAdded())
                    .andGivenCurrentTime(NOW)
                    .when(new DeleteSecondarySecret(CLIENT, SECOND.secretId(), true, null))
                    .expectEvents(new SecondarySecretDeleted(CLIENT, SECOND.secretId()));
        }

        /** "Now" is Axon's clock, which the fixture sets, not the machine's: NOW lies years ahead of it. */
        @Test
        void whenTheSecondaryLastAuthenticatedBeforeTheGuard_thenDeleted() {
            secretUsage.usedAt(SECOND.secretId(), NOW.minus(InMemorySecretUsage.GUARD).minusSeconds(60));
            fixture.given(registered(), secondaryAdded())
                    .andGivenCurrentTime(NOW)
                    .when(new DeleteSecondarySecret(CLIENT, SECOND.secretId(), false, null))
                    .expectEvents(new SecondarySecretDeleted(CLIENT, SECOND.secretId()));
        }

        @Test
        void whenThePrimaryIsDeleted_thenConflict() {
            fixture.given(registered(), secondaryAdded())
                    .when(new DeleteSecondarySecret(CLIENT, FIRST.secretId(), false, null))
                    .expectException(refusal(Conflict.class, "primary-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenAnUnknownSecretIsDeleted_thenNotFound() {
            fixture.given(registered(), secondaryAdded())
                    .when(new DeleteSecondarySecret(CLIENT, UNKNOWN_SECRET, false, null))
                    .expectException(refusal(NotFound.class, "unknown-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenDeletingWithoutASecondary_thenNotFound() {
            fixture.given(registered())
                    .when(new DeleteSecondarySecret(CLIENT, SECOND.secretId(), false, null))
                    .expectException(refusal(NotFound.class, "unknown-secret"))
                    .expectNoEvents();
        }

        @Test
        void whenAddedPromotedAndTheOldOneDeleted_thenOnlyTheNewSecretRemains() {
            fixture.given(registered())
                    .andGivenCommands(new AddSecondarySecret(CLIENT, SECOND, null),
                            new PromoteSecondarySecret(CLIENT, SECOND.secretId(), null))
                    .when(new DeleteSecondarySecret(CLIENT, FIRST.secretId(), false, null))
                    .expectEvents(new SecondarySecretDeleted(CLIENT, FIRST.secretId()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(3);
                        assertThat(slots(state)).isEqualTo(primaryOnly(SECOND));
                    }));
        }

        @Test
        void whenRotatedAndTheOldOneDeleted_thenOnlyTheNewSecretRemains() {
            fixture.given(registered())
                    .andGivenCommands(new RotateClientSecret(CLIENT, SECOND, null))
                    .when(new DeleteSecondarySecret(CLIENT, FIRST.secretId(), false, null))
                    .expectEvents(new SecondarySecretDeleted(CLIENT, FIRST.secretId()))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.version()).isEqualTo(2);
                        assertThat(slots(state)).isEqualTo(primaryOnly(SECOND));
                    }));
        }
    }

    @Nested
    class Roles {

        @Test
        void whenAssigningAnExistingRole_thenRoleAssigned() {
            fixture.given(registered())
                    .when(new AssignRole(CLIENT, AUDITOR, null))
                    .expectEvents(new RoleAssigned(CLIENT, AUDITOR))
                    .expectResultMessagePayloadMatching(clientState(
                            state -> assertThat(state.roles()).containsExactly(AUDITOR, READER)));
        }

        @Test
        void whenAssigningAHeldRole_thenNoEvents() {
            fixture.given(registered())
                    .when(new AssignRole(CLIENT, READER, null))
                    .expectNoEvents();
        }

        @Test
        void whenAssigningAnUnknownRole_thenNotFound() {
            fixture.given(registered())
                    .when(new AssignRole(CLIENT, UNKNOWN_ROLE, null))
                    .expectException(refusal(NotFound.class, "unknown-role"))
                    .expectNoEvents();
        }

        @Test
        void whenUnassigningAHeldRole_thenRoleUnassigned() {
            fixture.given(registered())
                    .when(new UnassignRole(CLIENT, READER, null))
                    .expectEvents(new RoleUnassigned(CLIENT, READER))
                    .expectResultMessagePayloadMatching(clientState(state -> assertThat(state.roles()).isEmpty()));
        }

        @Test
        void whenUnassigningARoleNotHeld_thenNoEvents() {
            fixture.given(registered())
                    .when(new UnassignRole(CLIENT, AUDITOR, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @Test
        void whenDisablingAnActiveClient_thenClientDisabled() {
            fixture.given(registered())
                    .when(new DisableClient(CLIENT, null))
                    .expectEvents(new ClientDisabled(CLIENT))
                    .expectResultMessagePayloadMatching(clientState(
                            state -> assertThat(state.status()).isEqualTo(ClientStatus.DISABLED)));
        }

        @Test
        void whenDisablingADisabledClient_thenNoEvents() {
            fixture.given(registered(), new ClientDisabled(CLIENT))
                    .when(new DisableClient(CLIENT, null))
                    .expectNoEvents();
        }

        @Test
        void whenEnablingADisabledClient_thenClientEnabled() {
            fixture.given(registered(), new ClientDisabled(CLIENT))
                    .when(new EnableClient(CLIENT, null))
                    .expectEvents(new ClientEnabled(CLIENT))
                    .expectResultMessagePayloadMatching(clientState(
                            state -> assertThat(state.status()).isEqualTo(ClientStatus.ACTIVE)));
        }

        @Test
        void whenEnablingAnActiveClient_thenNoEvents() {
            fixture.given(registered())
                    .when(new EnableClient(CLIENT, null))
                    .expectNoEvents();
        }

        @Test
        void whenDeletingAClient_thenClientDeleted() {
            fixture.given(registered(), new ClientDisabled(CLIENT))
                    .when(new DeleteClient(CLIENT, null))
                    .expectEvents(new ClientDeleted(CLIENT))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.status()).isEqualTo(ClientStatus.DELETED);
                        assertThat(state.version()).isEqualTo(2);
                    }));
        }
    }

    /** Rules that hold for every command on an existing client, checked over a table of all of them. */
    @Nested
    class Keys {

        @Test
        void whenTwoKeysAreAdded_thenBothAreHeldOldestFirstBesideTheSecrets() {
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1))
                    .when(new AddClientKey(CLIENT, KEY_2, null))
                    .expectEvents(new ClientKeyAdded(CLIENT, KEY_2))
                    .expectResultMessagePayloadMatching(clientState(state -> {
                        assertThat(state.keys()).extracting(entry -> entry.key()).containsExactly(KEY_1, KEY_2);
                        assertThat(slots(state)).isEqualTo(primaryOnly(FIRST));
                    }));
        }

        @Test
        void whenAThirdKeyIsAdded_thenConflict() {
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1), new ClientKeyAdded(CLIENT, KEY_2))
                    .when(new AddClientKey(CLIENT, KEY_3, null))
                    .expectException(refusal(Conflict.class, "too-many-keys"))
                    .expectNoEvents();
        }

        @Test
        void whenAKeyReusesTheKidOfAHeldKey_thenConflict() {
            ClientKey sameKid = key("k2", KEY_1.kid());
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1))
                    .when(new AddClientKey(CLIENT, sameKid, null))
                    .expectException(refusal(Conflict.class, "kid-in-use"))
                    .expectNoEvents();
        }

        @Test
        void whenAnUnknownKeyIsRemoved_thenNotFound() {
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1))
                    .when(new RemoveClientKey(CLIENT, KEY_2.keyId(), true, null))
                    .expectException(refusal(NotFound.class, "unknown-key"))
                    .expectNoEvents();
        }

        @Test
        void whenTheKeyAuthenticatedWithinTheGuard_thenConflictUnlessForced() {
            secretUsage.usedAt(KEY_1.keyId(), NOW.minusSeconds(60));
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1))
                    .andGivenCurrentTime(NOW)
                    .when(new RemoveClientKey(CLIENT, KEY_1.keyId(), false, null))
                    .expectException(refusal(Conflict.class, "key-recently-used"))
                    .expectNoEvents();
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1))
                    .andGivenCurrentTime(NOW)
                    .when(new RemoveClientKey(CLIENT, KEY_1.keyId(), true, null))
                    .expectEvents(new ClientKeyRemoved(CLIENT, KEY_1.keyId()));
        }

        @Test
        void whenTheKeyLastAuthenticatedBeforeTheGuard_thenRemovedAndASlotIsFreeAgain() {
            secretUsage.usedAt(KEY_1.keyId(), NOW.minus(InMemorySecretUsage.GUARD).minusSeconds(60));
            fixture.given(registered(), new ClientKeyAdded(CLIENT, KEY_1), new ClientKeyAdded(CLIENT, KEY_2))
                    .andGivenCurrentTime(NOW)
                    .when(new RemoveClientKey(CLIENT, KEY_1.keyId(), false, null))
                    .expectEvents(new ClientKeyRemoved(CLIENT, KEY_1.keyId()))
                    .expectResultMessagePayloadMatching(clientState(state ->
                            assertThat(state.keys()).extracting(entry -> entry.key()).containsExactly(KEY_2)));
        }
    }

    @Nested
    class FederatedCredentials {

        @Test
        void whenTheSameTrustIsAddedTwice_thenConflict() {
            FederatedCredential same = new FederatedCredential(FederatedCredentialId.of("f2"), RULE_1.issuer(),
                    RULE_1.subject(), RULE_1.audiences());
            fixture.given(registered(), new FederatedCredentialAdded(CLIENT, RULE_1))
                    .when(new AddFederatedCredential(CLIENT, same, null))
                    .expectException(refusal(Conflict.class, "federated-credential-exists"))
                    .expectNoEvents();
        }

        @Test
        void whenAnUnknownCredentialIsRemoved_thenNotFound() {
            fixture.given(registered())
                    .when(new RemoveFederatedCredential(CLIENT, RULE_1.credentialId(), null))
                    .expectException(refusal(NotFound.class, "unknown-federated-credential"))
                    .expectNoEvents();
        }
    }

    @Nested
    class EveryVersionedCommand {

        /**
         * A command with a history of two events under which it applies, and the event it then produces.
         * {@code command} builds it with the given expected version ({@code null}: unconditional).
         */
        record Case(String name, List<Object> history, Function<Long, VersionedCommand> command, Object produces) {

            long currentVersion() {
                return history.size() - 1;
            }

            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<Case> cases() {
            List<Object> withSecondary = List.of(registered(), secondaryAdded());
            List<Object> renamed = List.of(registered(), new ClientDetailsChanged(CLIENT, "Billing", null, null, null));
            List<Object> disabled = List.of(registered(), new ClientDisabled(CLIENT));
            return Stream.of(
                    new Case("ChangeClientDetails", withSecondary,
                            version -> new ChangeClientDetails(CLIENT, new ClientName("Invoicing"), null, null, null,
                                    version),
                            new ClientDetailsChanged(CLIENT, "Invoicing", null, null, null)),
                    new Case("AddSecondarySecret", renamed,
                            version -> new AddSecondarySecret(CLIENT, SECOND, version),
                            new SecondarySecretAdded(CLIENT, SECOND)),
                    new Case("PromoteSecondarySecret", withSecondary,
                            version -> new PromoteSecondarySecret(CLIENT, SECOND.secretId(), version),
                            new SecondarySecretPromoted(CLIENT, SECOND.secretId(), FIRST.secretId())),
                    new Case("RotateClientSecret", renamed,
                            version -> new RotateClientSecret(CLIENT, SECOND, version),
                            new ClientSecretRotated(CLIENT, SECOND, FIRST.secretId())),
                    new Case("DeleteSecondarySecret", withSecondary,
                            version -> new DeleteSecondarySecret(CLIENT, SECOND.secretId(), false, version),
                            new SecondarySecretDeleted(CLIENT, SECOND.secretId())),
                    new Case("AssignRole", withSecondary,
                            version -> new AssignRole(CLIENT, AUDITOR, version),
                            new RoleAssigned(CLIENT, AUDITOR)),
                    new Case("UnassignRole", withSecondary,
                            version -> new UnassignRole(CLIENT, READER, version),
                            new RoleUnassigned(CLIENT, READER)),
                    new Case("DisableClient", withSecondary,
                            version -> new DisableClient(CLIENT, version),
                            new ClientDisabled(CLIENT)),
                    new Case("EnableClient", disabled,
                            version -> new EnableClient(CLIENT, version),
                            new ClientEnabled(CLIENT)),
                    new Case("AddClientKey", withSecondary,
                            version -> new AddClientKey(CLIENT, KEY_1, version),
                            new ClientKeyAdded(CLIENT, KEY_1)),
                    new Case("RemoveClientKey", List.of(registered(), new ClientKeyAdded(CLIENT, KEY_1)),
                            version -> new RemoveClientKey(CLIENT, KEY_1.keyId(), false, version),
                            new ClientKeyRemoved(CLIENT, KEY_1.keyId())),
                    new Case("AddFederatedCredential", withSecondary,
                            version -> new AddFederatedCredential(CLIENT, RULE_1, version),
                            new FederatedCredentialAdded(CLIENT, RULE_1)),
                    new Case("RemoveFederatedCredential", List.of(registered(), new FederatedCredentialAdded(CLIENT,
                            RULE_1)),
                            version -> new RemoveFederatedCredential(CLIENT, RULE_1.credentialId(), version),
                            new FederatedCredentialRemoved(CLIENT, RULE_1.credentialId())),
                    new Case("DeleteClient", withSecondary,
                            version -> new DeleteClient(CLIENT, version),
                            new ClientDeleted(CLIENT)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void whenTheClientIsDeleted_thenConflict(Case write) {
            fixture.given(write.history())
                    .andGiven(new ClientDeleted(CLIENT))
                    .when(write.command().apply(null))
                    .expectException(refusal(Conflict.class, "client-deleted"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void whenTheExpectedVersionMatches_thenTheCommandApplies(Case write) {
            fixture.given(write.history())
                    .when(write.command().apply(write.currentVersion()))
                    .expectEvents(write.produces())
                    .expectResultMessagePayloadMatching(clientState(
                            state -> assertThat(state.version()).isEqualTo(write.currentVersion() + 1)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void whenTheExpectedVersionIsStale_thenStaleVersion(Case write) {
            fixture.given(write.history())
                    .when(write.command().apply(write.currentVersion() - 1))
                    .expectException(refusal(StaleVersion.class, "stale-version"))
                    .expectExceptionMessage("expected version 0 but the current version is 1")
                    .expectNoEvents();
        }

        @Test
        void whenTheKernelDefinesAVersionedClientCommand_thenThisTableCoversIt() {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AssignableTypeFilter(VersionedCommand.class));
            Set<String> defined = scanner.findCandidateComponents(RegisterClient.class.getPackageName()).stream()
                    .map(BeanDefinition::getBeanClassName)
                    .collect(Collectors.toSet());
            Set<String> covered = cases()
                    .map(write -> write.command().apply(null).getClass().getName())
                    .collect(Collectors.toSet());
            assertThat(covered).isEqualTo(defined);
        }
    }

    private static ClientKey key(String id, String kid) {
        return new ClientKey(ClientKeyId.of(id), kid, "EC", "ES256", "{\"kty\":\"EC\",\"kid\":\"" + kid + "\"}",
                null);
    }

    private static HashedSecret secret(String id) {
        String plaintext = "kls_plaintext-of-" + id;
        return HashedSecret.of(SecretId.of(id), plaintext, null);
    }

    private static RegisterClient register(Set<RoleName> roles) {
        return new RegisterClient(CLIENT, new ClientName("Billing service"), new ClientDescription("Bills customers"),
                roles, new TokenLifetime(300), List.of(new Audience(BILLING_API)), FIRST);
    }

    private static ClientRegistered registered() {
        return registered(Set.of(READER));
    }

    private static ClientRegistered registered(Set<RoleName> roles) {
        return registered("Bills customers", roles);
    }

    private static ClientRegistered registered(String description, Set<RoleName> roles) {
        return new ClientRegistered(CLIENT, "Billing service", description, roles, 300, List.of(BILLING_API), FIRST);
    }

    private static SecondarySecretAdded secondaryAdded() {
        return new SecondarySecretAdded(CLIENT, SECOND);
    }

    private static ChangeClientDetails changeDetails(String name, String description, Integer ttlSeconds,
                                                     List<URI> audiences) {
        return new ChangeClientDetails(CLIENT, name == null ? null : new ClientName(name),
                description == null ? null : new ClientDescription(description),
                ttlSeconds == null ? null : new TokenLifetime(ttlSeconds),
                audiences == null ? null : audiences.stream().map(Audience::new).toList(), null);
    }

    private static Matcher<Object> clientState(Consumer<ClientState> requirements) {
        return satisfying(ClientState.class, requirements);
    }

    /** Which secret sits in which slot, primary first. */
    private static List<Map.Entry<SecretSlot, SecretId>> slots(ClientState state) {
        return state.secrets().stream().map(entry -> Map.entry(entry.slot(), entry.secret().secretId())).toList();
    }

    private static List<Map.Entry<SecretSlot, SecretId>> primaryOnly(HashedSecret primary) {
        return List.of(Map.entry(PRIMARY, primary.secretId()));
    }

    private static List<Map.Entry<SecretSlot, SecretId>> primaryAndSecondary(HashedSecret primary,
                                                                             HashedSecret secondary) {
        return List.of(Map.entry(PRIMARY, primary.secretId()), Map.entry(SECONDARY, secondary.secretId()));
    }
}
