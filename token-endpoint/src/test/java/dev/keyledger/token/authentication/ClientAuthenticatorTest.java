package dev.keyledger.token.authentication;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.secret.SecretSlot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credentials check on its own, in the style of Spring Authorization Server's
 * {@code ClientSecretAuthenticationProviderTests}: plain constructors, the auth view in memory, no Spring, no
 * database. Each failure is named by the reason the issuance log records.
 */
class ClientAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String CLIENT_ID = "client-1";
    private static final String PRIMARY = "primary-secret-0123456789";
    private static final String SECONDARY = "secondary-secret-0123456789";

    private final InMemoryClientAuthView view = new InMemoryClientAuthView();
    private final ClientAuthenticator authenticator = new ClientAuthenticator(view.cache());

    @Test
    void authenticateWhenPrimarySecretMatchesThenAuthenticatedWithPrimary() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        Authentication authentication = authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW);

        assertThat(authentication.succeeded()).isTrue();
        assertThat(authentication.client().clientId()).isEqualTo(CLIENT_ID);
        assertThat(authentication.secret().secretId()).isEqualTo("p1");
        assertThat(authentication.secret().slot()).isEqualTo(SecretSlot.PRIMARY);
    }

    @Test
    void authenticateWhenSecondarySecretMatchesThenAuthenticatedWithSecondary() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null),
                secret("s1", SecretSlot.SECONDARY, SECONDARY, null)));

        Authentication authentication = authenticator.authenticate(credentials(CLIENT_ID, SECONDARY), NOW);

        assertThat(authentication.succeeded()).isTrue();
        assertThat(authentication.secret().secretId()).isEqualTo("s1");
        assertThat(authentication.secret().slot()).isEqualTo(SecretSlot.SECONDARY);
    }

    @Test
    void authenticateWhenWrongSecretThenWrongSecretAndNoSecret() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null),
                secret("s1", SecretSlot.SECONDARY, SECONDARY, null)));

        Authentication authentication = authenticator.authenticate(credentials(CLIENT_ID, "not-" + PRIMARY), NOW);

        assertFailed(authentication, "wrong-secret");
        assertThat(authentication.client().clientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void authenticateWhenClientHasNoSecondaryAndAnEmptySecretIsPresentedThenWrongSecret() {
        // The missing secondary is replaced by a decoy: nothing presented can match "no secret".
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        assertFailed(authenticator.authenticate(credentials(CLIENT_ID, ""), NOW), "wrong-secret");
    }

    @Test
    void authenticateWhenTheIdIsOneNoClientCanHaveThenMalformedClientIdWithoutAClient() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        for (String impossible : new String[]{"x".repeat(129), "a b", "", CLIENT_ID + "/"}) {
            Authentication authentication = authenticator.authenticate(credentials(impossible, PRIMARY), NOW);

            assertFailed(authentication, "malformed-client-id");
            assertThat(authentication.client()).isNull();
        }
    }

    @Test
    void authenticateWhenUnknownClientThenUnknownClientWithoutAClient() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        Authentication authentication = authenticator.authenticate(credentials("no-such-client", PRIMARY), NOW);

        assertFailed(authentication, "unknown-client");
        assertThat(authentication.client()).isNull();
    }

    @Test
    void authenticateWhenSecretExpiredThenExpiredSecret() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, NOW), null));

        Authentication authentication = authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW);

        assertFailed(authentication, "expired-secret");
        assertThat(authentication.client().clientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void authenticateWhenSecretExpiresLaterThenAuthenticated() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, NOW.plusMillis(1)), null));

        assertThat(authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW).succeeded()).isTrue();
    }

    @Test
    void authenticateWhenSecondaryExpiredThenExpiredSecretWhileThePrimaryStillWorks() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null),
                secret("s1", SecretSlot.SECONDARY, SECONDARY, NOW.minus(Duration.ofDays(1)))));

        assertFailed(authenticator.authenticate(credentials(CLIENT_ID, SECONDARY), NOW), "expired-secret");
        assertThat(authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW).succeeded()).isTrue();
    }

    @Test
    void authenticateWhenClientDisabledThenClientDisabledEvenWithTheRightSecret() {
        view.with(client(ClientStatus.DISABLED, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        Authentication authentication = authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW);

        assertFailed(authentication, "client-disabled");
        assertThat(authentication.client().status()).isEqualTo(ClientStatus.DISABLED);
    }

    @Test
    void authenticateWhenClientDeletedThenClientDeletedEvenWithTheRightSecret() {
        view.with(client(ClientStatus.DELETED, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));

        assertFailed(authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW), "client-deleted");
    }

    @Test
    void authenticateWhenTheViewHasANewerRevisionThenItsSecretCountsAndTheOldOneNoLonger() {
        view.with(client(ClientStatus.ACTIVE, secret("p1", SecretSlot.PRIMARY, PRIMARY, null), null));
        view.with(new ClientAuthEntry(CLIENT_ID, ClientStatus.ACTIVE, secret("p2", SecretSlot.PRIMARY, SECONDARY, null),
                null, List.of(), Set.of(), 600, Set.of(), 1, 2));

        assertFailed(authenticator.authenticate(credentials(CLIENT_ID, PRIMARY), NOW), "wrong-secret");
        assertThat(authenticator.authenticate(credentials(CLIENT_ID, SECONDARY), NOW).secret().secretId())
                .isEqualTo("p2");
    }

    private static void assertFailed(Authentication authentication, String reason) {
        assertThat(authentication.succeeded()).isFalse();
        assertThat(authentication.failureReason()).isEqualTo(reason);
        assertThat(authentication.secret()).isNull();
    }

    private static ClientCredentials credentials(String clientId, String secret) {
        return new ClientCredentials(clientId, secret, ClientCredentials.Method.CLIENT_SECRET_BASIC);
    }

    private static ClientAuthEntry client(ClientStatus status, StoredSecret primary, StoredSecret secondary) {
        return new ClientAuthEntry(CLIENT_ID, status, primary, secondary, List.of("reader"), Set.of("a:read"), 600,
                Set.of(), 0, 1);
    }

    private static StoredSecret secret(String id, SecretSlot slot, String secret, Instant expiresAt) {
        return new StoredSecret(id, slot, ClientAuthenticator.sha256(secret), expiresAt);
    }
}
