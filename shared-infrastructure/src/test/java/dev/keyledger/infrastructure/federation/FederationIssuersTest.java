package dev.keyledger.infrastructure.federation;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The syntax of KEYLEDGER_FEDERATION_ISSUERS: issuers by discovery, or with the JWK Set the operator names. */
class FederationIssuersTest {

    @Test
    void whenEntriesNameIssuersAloneOrWithAKeySet_thenEachIsTrustedWithItsSource() {
        FederationIssuers issuers = FederationIssuers.parse(" https://token.actions.githubusercontent.com ,"
                + "https://kubernetes.default.svc.cluster.local=file:/etc/keyledger/cluster-jwks.json,,"
                + "https://idp.example=https://keys.example/jwks?v=2");

        assertThat(issuers.find("https://token.actions.githubusercontent.com"))
                .contains(new TrustedIssuer("https://token.actions.githubusercontent.com", Optional.empty()));
        assertThat(issuers.find("https://kubernetes.default.svc.cluster.local").orElseThrow().jwks())
                .contains(URI.create("file:/etc/keyledger/cluster-jwks.json"));
        assertThat(issuers.find("https://idp.example").orElseThrow().jwks())
                .contains(URI.create("https://keys.example/jwks?v=2"));
        assertThat(issuers.trusts("https://token.actions.githubusercontent.com/")).isFalse();
        assertThat(FederationIssuers.parse("").trusts("")).isFalse();
    }

    @Test
    void whenAnEntryIsNotAUrlOrItsKeySetHasAnotherScheme_thenTheSettingIsRefused() {
        assertThatThrownBy(() -> FederationIssuers.parse("issuer.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FederationIssuers.parse("https://issuer.example=ftp://keys.example/jwks"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
