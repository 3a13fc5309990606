package dev.keyledger.token.authentication;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which key an assertion is verified with. Every refusal before the claims costs one verification (the answer's timing
 * must not tell whether a client, a kid or a key's algorithm exists); a token naming a known kid with another
 * algorithm is verified against that algorithm's decoy, never skipped.
 */
class AssertionVerifierChoiceTest {

    @Test
    void whenTheKidIsKnownAndTheAlgorithmIsTheKeys_thenTheKeyItself() throws Exception {
        StoredKey es256 = new StoredKey("key-1", "k1", "ES256", KeyPairGenerator.getInstance("EC").generateKeyPair()
                .getPublic(), null);

        assertThat(AssertionAuthenticator.verifierFor(Optional.of(es256), "ES256")).isSameAs(es256);
    }

    @Test
    void whenTheKidIsKnownButTheAlgorithmIsAnother_thenThatAlgorithmsDecoy() throws Exception {
        StoredKey es256 = new StoredKey("key-1", "k1", "ES256", KeyPairGenerator.getInstance("EC").generateKeyPair()
                .getPublic(), null);

        for (String alg : new String[] {"RS256", "PS256", "EdDSA"}) {
            StoredKey verifier = AssertionAuthenticator.verifierFor(Optional.of(es256), alg);

            assertThat(verifier).as(alg).isSameAs(AssertionAuthenticator.decoy(alg));
            assertThat(verifier.alg()).isIn(alg, "RS256");
        }
    }

    @Test
    void whenNoKeyIsFound_thenTheAlgorithmsDecoy() {
        assertThat(AssertionAuthenticator.verifierFor(Optional.empty(), "EdDSA"))
                .isSameAs(AssertionAuthenticator.decoy("EdDSA"));
    }
}
