package dev.keyledger.command.secret;

import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated secret: recognisable by its prefix, unguessable, and kept out of logs. */
class SecretGeneratorTest {

    private final SecretGenerator generator = new SecretGenerator();

    @Test
    void whenGenerated_thenThePlaintextStartsWithThePrefix() {
        assertThat(generator.generate(null).plaintext()).startsWith("kls_");
    }

    @Test
    void whenGenerated_thenAtLeast256RandomBitsFollowThePrefix() {
        String random = generator.generate(null).plaintext().substring("kls_".length());

        assertThat(random).matches("[A-Za-z0-9_-]{43,}");
        assertThat(Base64.getUrlDecoder().decode(random)).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void whenGenerated_thenTheHintIsTheLastFourCharacters() {
        NewSecret secret = generator.generate(null);

        assertThat(secret.plaintext()).endsWith(secret.hashed().hint());
        assertThat(secret.hashed().hint()).hasSize(4);
    }

    @Test
    void whenGenerated_thenTheHashIsTheDigestOfThePlaintext() {
        NewSecret secret = generator.generate(null);

        assertThat(secret.hashed().hash()).isEqualTo(SecretHash.digest(secret.plaintext()));
    }

    @Test
    void whenGenerated_thenTheExpiryIsKept() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");

        assertThat(generator.generate(expiry).hashed().expiresAt()).isEqualTo(expiry);
        assertThat(generator.generate(null).hashed().expiresAt()).isNull();
    }

    @Test
    void whenGeneratedTwice_thenTheSecretsDiffer() {
        NewSecret first = generator.generate(null);
        NewSecret second = generator.generate(null);

        assertThat(first.plaintext()).isNotEqualTo(second.plaintext());
        assertThat(first.hashed().secretId()).isNotEqualTo(second.hashed().secretId());
    }

    @Test
    void whenPrinted_thenThePlaintextIsHidden() {
        NewSecret secret = generator.generate(null);

        assertThat(secret.toString())
                .doesNotContain(secret.plaintext())
                .doesNotContain(secret.plaintext().substring("kls_".length()))
                .doesNotContain(secret.hashed().hash().sha256());
    }
}
