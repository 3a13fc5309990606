package dev.keyledger.cli.http;

import dev.keyledger.cli.config.Profile;
import dev.keyledger.cli.config.TokenCache;
import dev.keyledger.cli.config.TokenCache.CachedToken;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The bearer token for the admin API: the cached one while it has more than a minute to live (a command started just
 * before expiry must not fail half-way), else a new one, cached again. Without a cache (CI, environment variables)
 * a token lives only as long as the process.
 */
public final class AccessTokens {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final Profile profile;
    private final TokenClient tokens;
    private final Optional<TokenCache> cache;
    private final Clock clock;
    private CachedToken current;

    public AccessTokens(Profile profile, TokenClient tokens, Optional<TokenCache> cache, Clock clock) {
        this.profile = profile;
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
    }

    public String bearer() {
        if (current == null) {
            current = cache.flatMap(stored -> stored.find(profile)).orElse(null);
        }
        if (current == null || clock.instant().plus(RENEW_BEFORE_EXPIRY).isAfter(current.expiresAt())) {
            current = tokens.fetch(profile);
            cache.ifPresent(stored -> stored.save(profile, current));
        }
        return current.accessToken();
    }

    /** The service refused the token (revoked, or its signing key is gone): the next call signs in again. */
    public void forget() {
        current = null;
        cache.ifPresent(stored -> stored.forget(profile));
    }
}
