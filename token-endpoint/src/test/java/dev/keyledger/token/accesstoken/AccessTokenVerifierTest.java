package dev.keyledger.token.accesstoken;

import dev.keyledger.token.config.TokenSettingsFixture;
import dev.keyledger.token.jose.KnownSigningKeys;
import dev.keyledger.token.jose.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.ISSUER;
import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.NOW;
import static dev.keyledger.token.accesstoken.AccessTokenVerifierFuzzTest.valid;
import static dev.keyledger.token.accesstoken.RawJwt.string;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's named cases: the malformed tokens that once answered 500, the forgeries, and the clock skew. */
class AccessTokenVerifierTest {

    private final SigningKey key = KnownSigningKeys.generate("kid-es", "ES256");
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(new KnownSigningKeys(List.of(key)),
            TokenSettingsFixture.withIssuer(ISSUER), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whenTheTokenIsOneWeIssued_thenItsClaimsAreVerified() {
        VerifiedToken token = verifier.verify(valid(key).signedWith(key));
        assertThat(token.clientId()).isEqualTo("client-1");
        assertThat(token.audience()).containsExactly(ISSUER);
        assertThat(token.scope()).containsExactlyInAnyOrder("a:read", "b:write");
        assertThat(token.roles()).containsExactly("reader");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "42", "[\"kid-es\"]", "{}", "\"unknown\""})
    void whenTheKidIsMissingNullOrNotOurs_thenTheTokenIsRefused(String kid) {
        RawJwt jwt = valid(key);
        if (kid.isEmpty()) {
            RawJwt.remove(jwt.header, "kid");
        } else {
            RawJwt.set(jwt.header, "kid", kid);
        }
        assertThat(verifier.verify(jwt.signedWith(key))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a.b", "a.b.", ".b.c", "a..c", "a.b.c.", "a.b.c.d", "a.b.c.d.e", "a b.c.d",
        "a+b.c.d", "a/b.c.d", "a=.b.c", "ä.b.c", "a.b.c\n", "a.b.c\u0000"})
    void whenTheTokenIsNotThreeBase64UrlParts_thenItHasNotOurShape(String token) {
        assertThat(AccessTokenVerifier.hasOurShape(token)).isFalse();
    }

    @Test
    void whenTheTokenIsThreeBase64UrlParts_thenItHasOurShapeUpToItsLengthLimit() {
        assertThat(AccessTokenVerifier.hasOurShape("aZ09_-.b.c")).isTrue();
        assertThat(AccessTokenVerifier.hasOurShape("a.b." + "c".repeat(16 * 1024 - 4))).isTrue();
        assertThat(AccessTokenVerifier.hasOurShape("a.b." + "c".repeat(16 * 1024 - 3))).isFalse();
        assertThat(AccessTokenVerifier.hasOurShape(null)).isFalse();
    }

    @Test
    void whenTheTokenHasTheJweShape_thenItIsRefused() {
        String header = RawJwt.encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}");
        assertThat(verifier.verify(header + "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")).isNull();
        String withKid = RawJwt.encode("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"kid-es\"}");
        assertThat(verifier.verify(withKid + "..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")).isNull();
    }

    @Test
    void whenTheTokenIsUnsecuredOrHmacSignedWithThePublicKey_thenItIsRefused() {
        RawJwt none = valid(key);
        RawJwt.set(none.header, "alg", string("none"));
        assertThat(verifier.verify(none.unsigned())).isNull();

        RawJwt hmac = valid(key);
        RawJwt.set(hmac.header, "alg", string("HS256"));
        assertThat(verifier.verify(hmac.hmacWith(key.publicKey().getEncoded()))).isNull();
    }

    @Test
    void whenAStrangersKeySignsUnderOurKid_thenTheTokenIsRefused() {
        SigningKey stranger = KnownSigningKeys.generate("kid-es", "ES256");
        assertThat(verifier.verify(valid(key).signedWith(stranger))).isNull();
    }

    @Test
    void whenOurTokenLacksItsAudienceOrHasRolesThatAreNotStrings_thenItIsRefused() {
        RawJwt noAudience = valid(key);
        RawJwt.remove(noAudience.claims, "aud");
        assertThat(verifier.verify(noAudience.signedWith(key))).isNull();

        RawJwt oddRoles = valid(key);
        RawJwt.set(oddRoles.claims, "roles", "[\"reader\", null, 42]");
        assertThat(verifier.verify(oddRoles.signedWith(key))).isNull();
    }

    @Test
    void whenTheIssuingNodesClockIsUpTo30SecondsAhead_thenItsFreshTokenIsAccepted() {
        assertThat(verifier.verify(issuedAt(NOW.getEpochSecond() + 29))).isNotNull();
        assertThat(verifier.verify(issuedAt(NOW.getEpochSecond() + 31))).isNull();
    }

    @Test
    void whenATokenExpiredLessThan30SecondsAgo_thenItIsStillAcceptedButNotLater() {
        RawJwt recent = valid(key);
        RawJwt.set(recent.claims, "exp", Long.toString(NOW.getEpochSecond() - 29));
        assertThat(verifier.verify(recent.signedWith(key))).isNotNull();
        RawJwt old = valid(key);
        RawJwt.set(old.claims, "exp", Long.toString(NOW.getEpochSecond() - 31));
        assertThat(verifier.verify(old.signedWith(key))).isNull();
    }

    @Test
    void whenOnlyIatIsInTheFuture_thenTheSameSkewApplies() {
        RawJwt jwt = valid(key);
        RawJwt.remove(jwt.claims, "nbf");
        RawJwt.set(jwt.claims, "iat", Long.toString(NOW.getEpochSecond() + 31));
        assertThat(verifier.verify(jwt.signedWith(key))).isNull();
    }

    /** A token as a node issues it whose clock reads {@code epochSecond} now: iat = nbf. */
    private String issuedAt(long epochSecond) {
        RawJwt jwt = valid(key);
        RawJwt.set(jwt.claims, "iat", Long.toString(epochSecond));
        RawJwt.set(jwt.claims, "nbf", Long.toString(epochSecond));
        RawJwt.set(jwt.claims, "exp", Long.toString(epochSecond + 600));
        return jwt.signedWith(key);
    }
}
