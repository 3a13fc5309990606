package dev.keyledger.token.federation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** An issuer's keys read from a JWK Set file, the way an operator names a Kubernetes cluster's keys. */
class IssuerKeysTest {

    private static final String ISSUER = "https://cluster.example";

    @Test
    void whenTheKeysAreRefreshedWhileATokenLooksItsKeyUp_thenTheLookUpNeverFails(@TempDir Path dir)
            throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Path next = dir.resolve("next.json");
        String withA = keySet("a");
        String withB = keySet("b");
        Files.writeString(jwks, withA);
        IssuerKeys keys = new IssuerKeys(ISSUER + "=" + jwks.toUri(), new JwksFetcher(Duration.ofSeconds(3), false),
                Duration.ofMinutes(10), Duration.ZERO, Duration.ofHours(1));
        keys.prepare(ISSUER, "a", Instant.now());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    keys.key(ISSUER, "a", Instant.now());
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        reader.start();

        // Each refresh takes kid "a" away or brings it back, while the reader looks it up.
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        for (int i = 0; System.nanoTime() < until && failure.get() == null; i++) {
            boolean even = i % 2 == 0;
            Files.writeString(next, even ? withB : withA);
            Files.move(next, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            keys.prepare(ISSUER, even ? "b" : "a", Instant.now());
        }
        stop.set(true);
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(keys.key(ISSUER, "a", Instant.now()).isPresent() || keys.key(ISSUER, "b", Instant.now()).isPresent())
                .isTrue();
    }

    private static String keySet(String kid) throws Exception {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        String x = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        return "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\"" + x + "\"}]}";
    }
}
