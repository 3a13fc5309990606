package dev.keyledger.command.signingkey;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;

/** Every algorithm gets a key of the size its JOSE name promises, and the pair signs and verifies. */
class KeyPairsTest {

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void whenAKeyPairIsGenerated_thenItHasTheAlgorithmsKeyTypeAndSigns(SigningAlgorithm algorithm) throws Exception {
        KeyPair pair = KeyPairs.generate(algorithm);

        switch (algorithm) {
            case ES256 -> assertThat(((ECPublicKey) pair.getPublic()).getParams().getCurve().getField().getFieldSize())
                    .isEqualTo(256);
            case RS256 -> assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
            case EdDSA -> assertThat(pair.getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        }
        String jca = switch (algorithm) {
            case ES256 -> "SHA256withECDSA";
            case RS256 -> "SHA256withRSA";
            case EdDSA -> "Ed25519";
        };
        byte[] message = "keyledger".getBytes();
        Signature signer = Signature.getInstance(jca);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
