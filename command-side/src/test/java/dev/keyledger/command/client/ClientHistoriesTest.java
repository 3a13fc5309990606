package dev.keyledger.command.client;

import dev.keyledger.command.lookup.RoleDirectory;
import dev.keyledger.command.lookup.SecretUsage;
import dev.keyledger.command.refusal.Refusal;
import dev.keyledger.kernel.client.Audience;
import dev.keyledger.kernel.client.ClientDescription;
import dev.keyledger.kernel.client.ClientName;
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
import dev.keyledger.kernel.client.event.ClientEvent;
import dev.keyledger.kernel.client.federation.FederatedCredential;
import dev.keyledger.kernel.client.key.ClientKey;
import dev.keyledger.kernel.client.state.ClientFold;
import dev.keyledger.kernel.client.state.ClientState;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import dev.keyledger.kernel.secret.HashedSecret;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for any history the aggregate's decisions produce, the aggregate's state is the state the read side
 * folds from the stored events. Random command sequences (seeded, so a failure names the seed that reproduces it)
 * run through Axon with an in-memory event store; after every accepted command the state it answers with, and at
 * the end the state reloaded from the store, must equal {@link ClientFold} over the stored events, as the projector
 * and the {@code ?asOf=} reader fold them. Refused commands are part of the walk: they must leave no event.
 */
class ClientHistoriesTest {

    private static final int HISTORIES = 500;
    private static final int MAX_COMMANDS = 40;
    private static final List<RoleName> KNOWN_ROLES = List.of(
            RoleName.of("reader"), RoleName.of("auditor"), RoleName.of("writer"));
    private static final RoleName UNKNOWN_ROLE = RoleName.of("no-such-role");
    private static final List<ClientName> NAMES = Stream.of("Billing", "Invoicing", "Ledger").map(ClientName::new)
            .toList();
    private static final List<ClientDescription> DESCRIPTIONS = Stream.of("", "Bills customers", "Sends invoices")
            .map(ClientDescription::new).toList();
    private static final List<TokenLifetime> TTLS = Stream.of(60, 300, 900).map(TokenLifetime::new).toList();
    private static final List<List<Audience>> AUDIENCES = List.of(List.of(),
            List.of(Audience.parse("https://billing.example.com")),
            List.of(Audience.parse("https://billing.example.com"), Audience.parse("https://ledger.example.com")));

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final InMemorySecretUsage secretUsage = new InMemorySecretUsage();
    private Clock axonClock;
    private Configuration axon;

    @BeforeEach
    void startAxon() {
        axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        InMemoryRoleDirectory roles = new InMemoryRoleDirectory();
        KNOWN_ROLES.forEach(roles::with);
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureAggregate(Client.class)
                .registerComponent(RoleDirectory.class, config -> roles)
                .registerComponent(SecretUsage.class, config -> secretUsage)
                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
        GenericEventMessage.clock = axonClock;
    }

    @Test
    void whenRandomHistoriesRun_thenTheAggregateAndTheReadSideFoldAgree() {
        Set<Class<?>> eventsSeen = new HashSet<>();
        for (long seed = 0; seed < HISTORIES; seed++) {
            new History(seed).run(eventsSeen);
        }
        assertThat(eventsSeen).as("every client event occurs in some history")
                .containsExactlyInAnyOrder(ClientEvent.class.getPermittedSubclasses());
    }

    /** One random walk over the commands of one client. */
    private final class History {

        private final long seed;
        private final Random random;
        private final ClientId clientId;
        private ClientState current;
        private int secrets;
        private int keys;

        History(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.clientId = ClientId.of("client-" + seed);
        }

        void run(Set<Class<?>> eventsSeen) {
            int commands = 1 + random.nextInt(MAX_COMMANDS);
            int storedBefore = 0;
            for (int step = 0; step < commands; step++) {
                clock.advance(Duration.ofMillis(random.nextInt(3) * random.nextInt(5_000)));
                Object command = current == null ? register() : next();
                try {
                    Object answer = axon.commandGateway().sendAndWait(command);
                    current = answer instanceof ClientState state ? state : load();
                } catch (Refusal refused) {
                    assertThat(stored()).as(() -> context(command) + " refused: no event").hasSize(storedBefore);
                    continue;
                }
                List<? extends DomainEventMessage<?>> stored = stored();
                assertThat(current).as(() -> context(command)).isEqualTo(fold(stored));
                storedBefore = stored.size();
            }
            if (current != null) {
                List<? extends DomainEventMessage<?>> stored = stored();
                assertThat(load()).as(() -> context("reloading")).isEqualTo(fold(stored));
                stored.forEach(message -> eventsSeen.add(message.getPayloadType()));
            }
        }

        private RegisterClient register() {
            Set<RoleName> roles = KNOWN_ROLES.stream().filter(role -> random.nextBoolean())
                    .collect(Collectors.toSet());
            if (random.nextInt(10) == 0) {
                roles.add(UNKNOWN_ROLE);
            }
            return new RegisterClient(clientId, pick(NAMES), random.nextBoolean() ? null : pick(DESCRIPTIONS),
                    roles, pick(TTLS), pick(AUDIENCES), newSecret());
        }

        private Object next() {
            Long version = expectedVersion();
            if (random.nextInt(6) == 0) {
                return keyCommand(version);
            }
            if (random.nextInt(10) == 0) {
                return federationCommand(version);
            }
            int choice = random.nextInt(100);
            if (choice < 15) {
                return new ChangeClientDetails(clientId, maybe(() -> pick(NAMES)), maybe(() -> pick(DESCRIPTIONS)),
                        maybe(() -> pick(TTLS)), maybe(() -> pick(AUDIENCES)), version);
            }
            if (choice < 27) {
                return new AddSecondarySecret(clientId, newSecret(), version);
            }
            if (choice < 39) {
                return new PromoteSecondarySecret(clientId, someSecretId(), version);
            }
            if (choice < 51) {
                return new RotateClientSecret(clientId, newSecret(), version);
            }
            if (choice < 63) {
                SecretId secretId = someSecretId();
                secretUsage.usedAt(secretId, clock.instant().minus(Duration.ofMinutes(random.nextInt(30))));
                return new DeleteSecondarySecret(clientId, secretId, random.nextBoolean(), version);
            }
            if (choice < 73) {
                return new AssignRole(clientId, someRole(), version);
            }
            if (choice < 83) {
                return new UnassignRole(clientId, someRole(), version);
            }
            if (choice < 90) {
                return new DisableClient(clientId, version);
            }
            if (choice < 98) {
                return new EnableClient(clientId, version);
            }
            return new DeleteClient(clientId, version);
        }

        /** A key added (a kid sometimes reused) or removed (sometimes recently used, sometimes one never held). */
        private Object keyCommand(Long version) {
            if (random.nextBoolean()) {
                keys++;
                String kid = random.nextInt(5) == 0 && !current.keys().isEmpty()
                        ? current.keys().get(0).key().kid() : "kid-" + seed + "-" + keys;
                return new AddClientKey(clientId, new ClientKey(ClientKeyId.of("k" + seed + "-" + keys), kid, "EC",
                        "ES256", "{}", null), version);
            }
            ClientKeyId keyId = current.keys().isEmpty() || random.nextInt(8) == 0 ? ClientKeyId.of("never-held")
                    : current.keys().get(random.nextInt(current.keys().size())).key().keyId();
            secretUsage.usedAt(keyId, clock.instant().minus(Duration.ofMinutes(random.nextInt(30))));
            return new RemoveClientKey(clientId, keyId, random.nextBoolean(), version);
        }

        /** A trust rule added (sometimes one already held) or removed (sometimes one never held). */
        private Object federationCommand(Long version) {
            if (random.nextBoolean()) {
                keys++;
                return new AddFederatedCredential(clientId, new FederatedCredential(
                        FederatedCredentialId.of("f" + seed + "-" + keys), "https://issuer.example",
                        "workload-" + random.nextInt(3), List.of("https://keyledger.example")), version);
            }
            FederatedCredentialId credentialId = current.federatedCredentials().isEmpty() || random.nextInt(8) == 0
                    ? FederatedCredentialId.of("never-held")
                    : current.federatedCredentials().get(0).credential().credentialId();
            return new RemoveFederatedCredential(clientId, credentialId, version);
        }

        /** Mostly unconditional, sometimes the current version, sometimes a stale one. */
        private Long expectedVersion() {
            int choice = random.nextInt(10);
            if (choice < 6) {
                return null;
            }
            return choice < 9 ? current.version() : current.version() - 1;
        }

        /** The secondary most of the time; else the primary or a secret the client never had. */
        private SecretId someSecretId() {
            int choice = random.nextInt(10);
            if (choice < 7 && current.secondary() != null) {
                return current.secondary().secret().secretId();
            }
            return choice < 9 ? current.primary().secret().secretId() : SecretId.of("never-issued");
        }

        private RoleName someRole() {
            return random.nextInt(8) == 0 ? UNKNOWN_ROLE : pick(KNOWN_ROLES);
        }

        private HashedSecret newSecret() {
            secrets++;
            return HashedSecret.of(SecretId.of("s" + seed + "-" + secrets), "kls_secret-" + seed + "-" + secrets,
                    random.nextBoolean() ? null : clock.instant().plus(Duration.ofDays(1 + random.nextInt(90))));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private <T> T maybe(Supplier<T> value) {
            return random.nextBoolean() ? value.get() : null;
        }

        private List<? extends DomainEventMessage<?>> stored() {
            return axon.eventStore().readEvents(clientId.value()).asStream().toList();
        }

        /** What the projector and the as-of reader compute from the stored events. */
        private ClientState fold(List<? extends DomainEventMessage<?>> stored) {
            ClientState state = null;
            for (DomainEventMessage<?> message : stored) {
                state = ClientFold.apply(state, (ClientEvent) message.getPayload(), message.getSequenceNumber(),
                        message.getTimestamp());
            }
            return state;
        }

        private ClientState load() {
            Repository<Client> repository = axon.repository(Client.class);
            return DefaultUnitOfWork.startAndGet(null)
                    .executeWithResult(() -> repository.load(clientId.value()).invoke(Client::state))
                    .getPayload();
        }

        private String context(Object step) {
            return "seed " + seed + ", after " + stored().size() + " events, " + step;
        }
    }

    /** Axon's clock in this test: it moves only when a history says so, by whole milliseconds as the store keeps. */
    private static final class SteppingClock extends Clock {

        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is UTC");
        }
    }
}
