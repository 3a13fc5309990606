package dev.keyledger.token.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;

/**
 * Counts failed authentications per source address and per (source address, client id) in fixed windows that start
 * at a window's first failure. Past a limit, the address or pair is throttled until its window ends: every attempt
 * is refused, the right secret included (no guessing oracle), and refused attempts neither count nor extend the
 * window. Other addresses are never affected. Counting is per node.
 * <p>
 * Addresses and client ids are chosen by whoever sends the request, so the counters live in caches bounded by their
 * estimated heap, not by the number of values anyone can send (docs/DECISIONS.md 59). A counter is dropped when its
 * window has ended, or earlier when the bound is reached: dropping one only ever forgives failures, never refuses
 * anyone.
 */
@Component
public class FailureThrottle {

    /** The heap each of the two caches may hold, as estimated by the weights below: 16 MiB, 32 MiB in all. */
    static final long MAX_BYTES_PER_CACHE = 16L * 1024 * 1024;
    /**
     * A counter without its key's strings: the cache's node, the window and, for a pair, the key record; what
     * {@code FailureThrottleMemoryTest} measures (docs/BENCHMARKS.md), rounded up so the estimate is never below it.
     */
    private static final int COUNTER_BYTES = 160;
    /** A string besides its characters (a byte each: addresses and possible client ids are Latin-1). */
    private static final int STRING_BYTES = 48;

    private record Window(long startMillis, int failures) {
    }

    private record Pair(String address, String clientId) {
    }

    private final ThrottleSettings settings;
    private final Cache<String, Window> addresses;
    private final Cache<Pair, Window> pairs;

    public FailureThrottle(ThrottleSettings settings) {
        this.settings = settings;
        this.addresses = counters(settings.window(), FailureThrottle::addressWeight);
        this.pairs = counters(settings.window(), pair -> pairWeight(pair.address(), pair.clientId()));
    }

    /** Seconds until this address may try this client id again; empty when it may try now. */
    public OptionalLong retryAfter(String address, String clientId, long nowMillis) {
        long addressWait = remaining(addresses.getIfPresent(address), settings.addressFailures(), nowMillis);
        long pairWait = remaining(pairs.getIfPresent(new Pair(address, clientId)), settings.pairFailures(), nowMillis);
        long wait = Math.max(addressWait, pairWait);
        return wait > 0 ? OptionalLong.of((wait + 999) / 1000) : OptionalLong.empty();
    }

    public void recordFailure(String address, String clientId, long nowMillis) {
        addresses.asMap().compute(address, (key, window) -> count(window, nowMillis));
        pairs.asMap().compute(new Pair(address, clientId), (key, window) -> count(window, nowMillis));
    }

    /**
     * A cache of counters. Each write is a failure inside the counter's window, which started at or before it, so a
     * counter unwritten for a whole window belongs to a window that has ended. Eviction runs on the writing thread:
     * the bound holds as soon as a write returns.
     */
    private static <K> Cache<K, Window> counters(Duration window, ToIntFunction<K> weight) {
        return Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES_PER_CACHE)
                .weigher((K key, Window value) -> weight.applyAsInt(key))
                .expireAfterWrite(window)
                .executor(Runnable::run)
                .build();
    }

    /** The estimated heap of an address's counter. */
    static int addressWeight(String address) {
        return COUNTER_BYTES + STRING_BYTES + address.length();
    }

    /** The estimated heap of a pair's counter: each request brings its own strings, so none is counted as shared. */
    static int pairWeight(String address, String clientId) {
        return COUNTER_BYTES + 2 * STRING_BYTES + address.length() + clientId.length();
    }

    private Window count(Window window, long nowMillis) {
        if (window == null || nowMillis - window.startMillis() >= settings.window().toMillis()) {
            return new Window(nowMillis, 1);
        }
        return new Window(window.startMillis(), window.failures() + 1);
    }

    private long remaining(Window window, int limit, long nowMillis) {
        if (window == null || window.failures() < limit) {
            return 0;
        }
        return window.startMillis() + settings.window().toMillis() - nowMillis;
    }
}
