package dev.keyledger.token.grant;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.secret.SecretSlot;
import dev.keyledger.token.authentication.ClientAuthEntry;
import dev.keyledger.token.authentication.StoredSecret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GrantResolverTest {

    private static final String ISSUER = "https://keyledger.example";
    private static final String DEFAULT = "https://default-audience.example";
    private static final ClientAuthEntry CLIENT = new ClientAuthEntry("c1", ClientStatus.ACTIVE,
            new StoredSecret("s1", SecretSlot.PRIMARY, new byte[32], null), null, List.of("reader"),
            Set.of("a:read", "b:write"), 600, Set.of("https://api.example", "https://other.example"), 0, 1);

    @Test
    void whenNoScopeIsRequested_thenEveryEffectivePermissionIsGrantedForTheDefaultAudience() {
        Grant grant = (Grant) GrantResolver.resolve(CLIENT, null, List.of(), ISSUER, DEFAULT);
        assertThat(grant.scopeString()).isEqualTo("a:read b:write");
        assertThat(grant.audiences()).containsExactly(DEFAULT);
    }

    @Test
    void whenASubsetIsRequested_thenExactlyItIsGranted() {
        assertThat(((Grant) GrantResolver.resolve(CLIENT, "b:write", List.of(), ISSUER, DEFAULT)).scopeString())
                .isEqualTo("b:write");
    }

    @Test
    void whenMoreOrMalformedScopeIsRequested_thenInvalidScope() {
        assertThat(GrantResolver.resolve(CLIENT, "a:read c:admin", List.of(), ISSUER, DEFAULT))
                .isEqualTo(new GrantRefused("invalid_scope", "the requested scope exceeds what the client may be granted"));
        assertThat(((GrantRefused) GrantResolver.resolve(CLIENT, "a:read  b:write", List.of(), ISSUER, DEFAULT)).error())
                .isEqualTo("invalid_scope");
    }

    @Test
    void whenTheClientHasNoPermission_thenTheGrantIsEmptyAndLeavesScopeOut() {
        ClientAuthEntry bare = new ClientAuthEntry("c2", ClientStatus.ACTIVE, CLIENT.primary(), null, List.of(),
                Set.of(), 600, Set.of(), 0, 1);
        assertThat(((Grant) GrantResolver.resolve(bare, null, List.of(), ISSUER, DEFAULT)).scopeString()).isNull();
    }

    @Test
    void whenAllowedResourcesAreRequested_thenTheyAreTheAudienceOnceEach() {
        Grant grant = (Grant) GrantResolver.resolve(CLIENT, null,
                List.of("https://api.example", "https://other.example", "https://api.example"), ISSUER, DEFAULT);
        assertThat(grant.audiences()).containsExactly("https://api.example", "https://other.example");
    }

    @Test
    void whenTheIssuerIsRequested_thenItIsAllowedForEveryClient() {
        Grant grant = (Grant) GrantResolver.resolve(CLIENT, null, List.of(ISSUER, "https://api.example"), ISSUER,
                DEFAULT);
        assertThat(grant.audiences()).containsExactly(ISSUER, "https://api.example");
    }

    @Test
    void whenAResourceIsNotAllowedOrNotAnAbsoluteUri_thenInvalidTarget() {
        assertThat(((GrantRefused) GrantResolver.resolve(CLIENT, null, List.of("https://evil.example"), ISSUER, DEFAULT))
                .error()).isEqualTo("invalid_target");
        assertThat(((GrantRefused) GrantResolver.resolve(CLIENT, null, List.of("relative/path"), ISSUER, DEFAULT))
                .error()).isEqualTo("invalid_target");
        assertThat(((GrantRefused) GrantResolver.resolve(CLIENT, null, List.of("https://api.example#f"), ISSUER,
                DEFAULT)).error()).isEqualTo("invalid_target");
    }

    @Test
    void whenAResourceWithAFragmentIsEvenAmongTheAllowedAudiences_thenInvalidTarget() {
        // Audiences registered before the admin API refused fragments stay in the view: RFC 8707 §2 still refuses them.
        ClientAuthEntry legacy = new ClientAuthEntry("c3", ClientStatus.ACTIVE, CLIENT.primary(), null, List.of(),
                Set.of(), 600, Set.of("https://api.example#x", "https://api.example#"), 0, 1);
        assertThat(((GrantRefused) GrantResolver.resolve(legacy, null, List.of("https://api.example#x"), ISSUER,
                DEFAULT))
                .error()).isEqualTo("invalid_target");
        assertThat(((GrantRefused) GrantResolver.resolve(legacy, null, List.of("https://api.example#"), ISSUER,
                DEFAULT))
                .error()).isEqualTo("invalid_target");
    }
}
