package dev.keyledger.token.accesstoken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Which tokens PostgreSQL recently found not revoked, so that an operator's script presenting one token on every admin
 * call asks once, not on every call (issue 17, docs/DECISIONS.md 143). Such an answer holds until a revocation is
 * stored anywhere ({@link #forgetAll()}: this node's own revocations at once, other nodes' when their notification
 * arrives) and for at most {@link #KEPT_FOR}, the bound when a notification is lost on a connection that has not
 * noticed that it is dead. "Revoked" is not remembered: that token is refused, and its caller stops using it.
 * <p>
 * Each answer carries the count of revocations announced before PostgreSQL was asked, and counts only while that count
 * stands: a revocation committed after the question's snapshot is announced after the question began, so an answer
 * it may have made wrong is never used, however the remembering and the announcement interleave.
 */
final class RevocationMemory {

    /** The longest a "not revoked" answer is used without a notification having been able to end it. */
    static final Duration KEPT_FOR = Duration.ofSeconds(1);
    private static final int MAX_TOKENS = VerifiedTokenCache.MAX_TOKENS;

    private final AtomicLong announced = new AtomicLong();
    private final Cache<String, Long> notRevoked;

    RevocationMemory(Ticker ticker) {
        this.notRevoked = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(KEPT_FOR)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Whether the token is revoked: remembered, or else asked with {@code isRevokedNow} and remembered. */
    boolean isRevoked(String jti, Predicate<String> isRevokedNow) {
        long before = announced.get();
        Long answeredAt = notRevoked.getIfPresent(jti);
        if (answeredAt != null && answeredAt == before) {
            return false;
        }
        if (isRevokedNow.test(jti)) {
            return true;
        }
        notRevoked.put(jti, before);
        return false;
    }

    /** A revocation was stored: no answer given before it counts any more. */
    void forgetAll() {
        announced.incrementAndGet();
        notRevoked.invalidateAll();
    }
}
