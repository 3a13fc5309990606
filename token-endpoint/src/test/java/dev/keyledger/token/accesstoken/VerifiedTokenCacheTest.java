package dev.keyledger.token.accesstoken;

import dev.keyledger.token.config.TokenSettingsFixture;
import dev.keyledger.token.jose.KnownSigningKeys;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.ISSUER;
import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.NOW;
import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** A token's signature is checked once; what can change about it since (expiry, its key) is checked every time. */
class VerifiedTokenCacheTest {

    private final SigningKey key = KnownSigningKeys.generate("kid-es", "ES256");
    private final CountingVerifier verifier = new CountingVerifier(new KnownSigningKeys(List.of(key)));
    private final PublishedKeys published = new PublishedKeys(new KnownSigningKeys(List.of(key)));
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, published, clock);

    @Test
    void whenTheSameTokenIsPresentedAgain_thenItsSignatureIsCheckedOnce() {
        String token = valid(key).signedWith(key);
        VerifiedToken first = cache.verify(token);
        VerifiedToken again = cache.verify(token);

        assertThat(first).isNotNull();
        assertThat(again).isEqualTo(first);
        assertThat(verifier.calls).hasValue(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void whenATokenDiffersFromARememberedOneInOneCharacter_thenItIsVerifiedOnItsOwn() {
        String token = valid(key).signedWith(key);
        assertThat(cache.verify(token)).isNotNull();
        String tampered = token.substring(0, token.length() - 2)
                + (token.charAt(token.length() - 2) == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(cache.verify(tampered)).isNull();
        assertThat(verifier.calls).hasValue(2);
    }

    @Test
    void whenATokenIsRefused_thenNothingIsRemembered() {
        RawJwt foreign = valid(key);
        RawJwt.set(foreign.claims, "iss", RawJwt.string("https://elsewhere.example"));

        assertThat(cache.verify(foreign.signedWith(key))).isNull();
        assertThat(cache.verify("not.a.token")).isNull();
        assertThat(cache.verify("é".repeat(40))).isNull();
        assertThat(cache.verify(null)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void whenARememberedTokenExpires_thenItIsRefusedOnceTheClockSkewHasPassed() {
        String token = valid(key).signedWith(key); // expires at NOW + 600 s
        assertThat(cache.verify(token)).isNotNull();

        clock.now = NOW.plusSeconds(600).plus(AccessTokenVerifier.CLOCK_SKEW);
        assertThat(cache.verify(token)).isNull();
        assertThat(verifier.calls).hasValue(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void whenTheSigningKeyOfARememberedTokenIsNoLongerPublished_thenTheTokenIsRefused() {
        String token = valid(key).signedWith(key);
        assertThat(cache.verify(token)).isNotNull();

        published.withdrawn = true;
        assertThat(cache.verify(token)).isNull();
        assertThat(verifier.calls).hasValue(1);
    }

    /** Counts the signature checks; verifies at {@link AccessTokenVerifierFuzzTest#NOW}. */
    private static final class CountingVerifier extends AccessTokenVerifier {

        final AtomicInteger calls = new AtomicInteger();

        CountingVerifier(SigningKeys keys) {
            super(keys, TokenSettingsFixture.withIssuer(ISSUER), Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Override
        public VerifiedToken verify(String token) {
            calls.incrementAndGet();
            return super.verify(token);
        }
    }

    /** The service's keys, until the key is withdrawn from verification (as when its last token has expired). */
    private static final class PublishedKeys implements SigningKeys {

        private final SigningKeys keys;
        volatile boolean withdrawn;

        PublishedKeys(SigningKeys keys) {
            this.keys = keys;
        }

        @Override
        public SigningKey active() {
            return keys.active();
        }

        @Override
        public Optional<SigningKey> forVerification(String kid) {
            return withdrawn ? Optional.empty() : keys.forVerification(kid);
        }

        @Override
        public List<SigningKey> published() {
            return withdrawn ? List.of() : keys.published();
        }
    }

    private static final class MovableClock extends Clock {

        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
