package dev.keyledger.token.throttle;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address and per (source address, client id) in fixed windows that start
 * at a window's first failure. Past a limit, the address or pair is throttled until its window ends: every attempt
 * is refused, the right secret included (no guessing oracle), and refused attempts neither count nor extend the
 * window. Other addresses are never affected. Counting is per node.
 */
@Component
public class FailureThrottle {

    private record Window(long startMillis, int failures) {
    }

    private final ThrottleSettings settings;
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();
    private final Map<String, Window> pairs = new ConcurrentHashMap<>();

    public FailureThrottle(ThrottleSettings settings) {
        this.settings = settings;
    }

    /** Seconds until this address may try this client id again; empty when it may try now. */
    public OptionalLong retryAfter(String address, String clientId, long nowMillis) {
        long addressWait = remaining(addresses.get(address), settings.addressFailures(), nowMillis);
        long pairWait = remaining(pairs.get(pairKey(address, clientId)), settings.pairFailures(), nowMillis);
        long wait = Math.max(addressWait, pairWait);
        return wait > 0 ? OptionalLong.of((wait + 999) / 1000) : OptionalLong.empty();
    }

    public void recordFailure(String address, String clientId, long nowMillis) {
        addresses.compute(address, (key, window) -> count(window, nowMillis));
        pairs.compute(pairKey(address, clientId), (key, window) -> count(window, nowMillis));
    }

    /** Forgets windows that have ended, so that the maps stay as small as the current attack. */
    @Scheduled(fixedDelayString = "PT30S")
    public void forgetEndedWindows() {
        long now = System.currentTimeMillis();
        long length = settings.window().toMillis();
        addresses.values().removeIf(window -> now - window.startMillis() >= length);
        pairs.values().removeIf(window -> now - window.startMillis() >= length);
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

    private static String pairKey(String address, String clientId) {
        return address + '\n' + clientId;
    }
}
