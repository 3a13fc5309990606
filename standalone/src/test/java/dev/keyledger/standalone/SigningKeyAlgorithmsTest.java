package dev.keyledger.standalone;

import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The configured algorithm is the one keys are made with, also when it changes between starts; keys survive restarts. */
// Not @KeyledgerService: restarts the service with other signing algorithms on the same data folder.
class SigningKeyAlgorithmsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({"RS256, RSA", "EdDSA, OKP"})
    void whenAnAlgorithmIsConfigured_thenTheFirstKeyUsesItAndItsTokensVerifyAgainstTheJwks(String alg, String kty) {
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "keyledger.token.algorithm=" + alg)) {
            SigningKey active = keyledger.bean(SigningKeys.class).active();
            PublishedKeys published = new PublishedKeys(keyledger.admin());

            assertThat(active.algorithm()).isEqualTo(alg);
            assertThat(published.algorithms()).containsEntry(active.kid(), alg);
            assertThat(keyledger.admin().send("GET", "/.well-known/jwks.json", null).json()
                    .findValuesAsText("kty")).containsExactly(kty);
            assertThat(PublishedKeys.verify(PublishedKeys.sign(active), published.jwks())).isEqualTo("probe");
            assertThat(PublishedKeys.verify(keyledger.newAdminToken(), published.jwks()))
                    .as("a token from the token endpoint, signed with " + alg).isEqualTo(RunningKeyledger.ADMIN_ID);
        }
    }

    @Test
    void whenTheServiceRestarts_thenTheSameKeyIsActiveAndItsPrivateKeyStillOpens() {
        SigningKey before;
        String token;
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            before = keyledger.bean(SigningKeys.class).active();
            token = PublishedKeys.sign(before);
        }
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            SigningKey after = keyledger.bean(SigningKeys.class).active();
            PublishedKeys published = new PublishedKeys(keyledger.admin());

            assertThat(after.kid()).isEqualTo(before.kid());
            assertThat(after.privateKey().getEncoded()).isEqualTo(before.privateKey().getEncoded());
            assertThat(published.list()).hasSize(1);
            assertThat(PublishedKeys.verify(token, published.jwks())).isEqualTo("probe");
        }
    }

    @Test
    void whenTheAlgorithmChangesBetweenStarts_thenAKeyOfTheNewAlgorithmReplacesTheOldAfterTheDelay() {
        String first;
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir)) {
            first = keyledger.bean(SigningKeys.class).active().kid();
        }
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir,
                "keyledger.token.algorithm=EdDSA", "keyledger.keys.activation-delay=PT2S")) {
            SigningKeys keys = keyledger.bean(SigningKeys.class);
            PublishedKeys published = new PublishedKeys(keyledger.admin());

            assertThat(published.list()).hasSize(2);
            await().atMost(PATIENCE).until(() -> keys.active().algorithm().equals("EdDSA"));
            assertThat(published.status(first)).isEqualTo("RETIRED");
            assertThat(published.jwks()).containsKey(first).hasSize(2);
        }
        try (RunningKeyledger keyledger = RunningKeyledger.start(dataDir, "keyledger.token.algorithm=EdDSA")) {
            assertThat(new PublishedKeys(keyledger.admin()).list()).as("no further key on a later start").hasSize(2);
        }
    }
}
