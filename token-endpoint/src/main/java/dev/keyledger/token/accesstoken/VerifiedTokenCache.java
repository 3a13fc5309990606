package dev.keyledger.token.accesstoken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.keyledger.token.jose.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Access tokens whose signature has been checked once, so that an operator's script calling the admin API with one
 * token pays the ES256 verification (a fifth of a write's CPU, issue 17) once per token, not once per call.
 * Only what a token cannot change about itself is remembered: its signature, its claims, its lifetime. A hit is
 * still refused once the token has expired or its signing key is no longer published, and everything about the
 * caller that can change (revocation, the client's status and permissions) is decided again on every call by the
 * caller of this cache; remembering a token therefore moves none of those bounds.
 * <p>
 * Keyed by the SHA-256 of the token, so no bearer token sits in the heap longer than its request; at most
 * {@link #MAX_TOKENS} tokens (a few KiB each), each until its expiry plus the verifier's clock skew. Refused tokens
 * are never remembered: anyone can send garbage, only a client can obtain a valid token.
 */
public final class VerifiedTokenCache {

    /** Far more admin tokens than operators use at once; the least used make room when it is full. */
    public static final int MAX_TOKENS = 10_000;

    private final AccessTokenVerifier verifier;
    private final SigningKeys signingKeys;
    private final Clock clock;
    private final Cache<String, VerifiedToken> tokens;

    public VerifiedTokenCache(AccessTokenVerifier verifier, SigningKeys signingKeys, Clock clock) {
        this.verifier = verifier;
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.creating((String digest, VerifiedToken token) -> lifeLeft(token)))
                .executor(Runnable::run)
                .build();
    }

    /** As {@link AccessTokenVerifier#verify}: the verified claims, or {@code null} for a token that is not live. */
    public VerifiedToken verify(String token) {
        if (!AccessTokenVerifier.hasOurShape(token)) {
            return null; // also keeps the digest's input ASCII, one byte per character: one token, one digest
        }
        String digest = digestOf(token);
        VerifiedToken verified = tokens.getIfPresent(digest);
        if (verified == null) {
            verified = verifier.verify(token);
            if (verified == null) {
                return null;
            }
            tokens.put(digest, verified);
        }
        if (lifeLeft(verified).isZero() || signingKeys.forVerification(verified.kid()).isEmpty()) {
            tokens.invalidate(digest);
            return null;
        }
        return verified;
    }

    /** How many tokens are remembered now (after pending evictions). */
    long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    private Duration lifeLeft(VerifiedToken token) {
        Instant end = token.expiresAt().plus(AccessTokenVerifier.CLOCK_SKEW);
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String digestOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
