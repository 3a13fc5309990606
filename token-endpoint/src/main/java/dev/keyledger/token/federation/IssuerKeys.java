package dev.keyledger.token.federation;

import dev.keyledger.infrastructure.federation.FederationIssuers;
import dev.keyledger.infrastructure.federation.TrustedIssuer;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The allow-listed issuers' signing keys, cached per issuer. {@link #prepare} fetches when the keys are missing, older
 * than {@code jwks-max-age}, or do not hold the {@code kid} a token names, but never more often than once per
 * {@code jwks-min-refresh-interval} per issuer, so tokens naming made-up kids cannot make Keyledger hammer an issuer.
 * When a fetch fails the last keys stay in use, but only up to {@code jwks-stale-limit} after they were fetched
 * (docs/DECISIONS.md 108). Issuers not on the allow-list are never fetched, whatever a token or a rule names.
 */
@Component
public class IssuerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IssuerKeys.class);

    private final FederationIssuers issuers;
    private final JwksFetcher fetcher;
    private final Duration maxAge;
    private final Duration minRefreshInterval;
    private final Duration staleLimit;
    private final ConcurrentMap<String, IssuerState> states = new ConcurrentHashMap<>();

    IssuerKeys(@Value("${keyledger.federation.issuers:}") String issuers, JwksFetcher fetcher,
               @Value("${keyledger.federation.jwks-max-age:PT10M}") Duration maxAge,
               @Value("${keyledger.federation.jwks-min-refresh-interval:PT30S}") Duration minRefreshInterval,
               @Value("${keyledger.federation.jwks-stale-limit:PT1H}") Duration staleLimit) {
        this.issuers = FederationIssuers.parse(issuers);
        this.fetcher = fetcher;
        this.maxAge = maxAge;
        this.minRefreshInterval = minRefreshInterval;
        this.staleLimit = staleLimit;
    }

    public boolean trusts(String issuer) {
        return issuers.trusts(issuer);
    }

    /**
     * Makes the issuer's keys fresh enough to judge a token naming {@code kid}, fetching if needed. It may wait for
     * the issuer (at most the fetch timeout), so it runs on the request's own thread, never in a signing turn. A
     * request whose key is already known does not wait for another's refresh.
     */
    public void prepare(String issuer, String kid, Instant now) {
        Optional<TrustedIssuer> trusted = issuers.find(issuer);
        if (trusted.isEmpty()) {
            return;
        }
        IssuerState state = states.computeIfAbsent(issuer, name -> new IssuerState());
        if (!state.fetchDue(kid, now)) {
            return;
        }
        if (state.usableKey(kid, now).isPresent()) {
            if (!state.lock.tryLock()) {
                return;
            }
        } else {
            state.lock.lock();
        }
        try {
            if (state.fetchDue(kid, now)) {
                fetch(trusted.get(), state, now);
                // Counted from the end, so that requests that waited for this fetch do not start another.
                state.lastAttempt = Instant.now();
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** The key, if the issuer is still trusted and its keys are not older than the stale limit. Never fetches. */
    public Optional<PublicJwk> key(String issuer, String kid, Instant now) {
        IssuerState state = states.get(issuer);
        if (!issuers.trusts(issuer) || state == null) {
            return Optional.empty();
        }
        return state.usableKey(kid, now);
    }

    private void fetch(TrustedIssuer issuer, IssuerState state, Instant now) {
        try {
            state.keys = fetcher.fetch(issuer);
            state.fetchedAt = now;
        } catch (JwksUnavailable e) {
            LOG.warn("federation: the signing keys of {} could not be fetched ({}); {}", issuer.issuer(),
                    e.getMessage(), state.fetchedAt == null ? "its tokens are refused"
                            : "the keys fetched at " + state.fetchedAt + " are used until "
                            + state.fetchedAt.plus(staleLimit));
        }
    }

    /** One issuer's keys and when they were fetched; written under {@link #lock}, read by anyone. */
    private final class IssuerState {

        final ReentrantLock lock = new ReentrantLock();
        volatile Map<String, PublicJwk> keys = Map.of();
        volatile Instant fetchedAt;
        volatile Instant lastAttempt;

        boolean fetchDue(String kid, Instant now) {
            boolean due = fetchedAt == null || !now.isBefore(fetchedAt.plus(maxAge)) || !keys.containsKey(kid);
            return due && (lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval)));
        }

        /** Reads the key set once: a refresh between a look and a get would otherwise find the key gone. */
        Optional<PublicJwk> usableKey(String kid, Instant now) {
            Instant fetched = fetchedAt;
            PublicJwk key = keys.get(kid);
            return fetched != null && now.isBefore(fetched.plus(staleLimit)) ? Optional.ofNullable(key)
                    : Optional.empty();
        }
    }
}
