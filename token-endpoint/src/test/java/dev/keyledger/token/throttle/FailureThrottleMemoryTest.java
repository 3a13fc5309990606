package dev.keyledger.token.throttle;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's heap, measured (retained heap after full collections), not assumed: a flood of a million distinct
 * (address, client id) pairs, each a worst case (an IPv6 literal and a 128-character client id), leaves the throttle
 * within its bound; and the per-counter estimate that bound rests on is not below what a counter really costs.
 */
class FailureThrottleMemoryTest {

    private static final int FLOOD = 1_000_000;
    private static final long MIB = 1024 * 1024;

    @Test
    void whenAMillionDistinctPairsFail_thenTheThrottleRetainsNoMoreThanItsBound() {
        long before = retainedHeap();
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(20, 200, Duration.ofMinutes(1)));
        long now = 1_000_000;
        for (int i = 0; i < FLOOD; i++) {
            // Four client ids from each address: the address limit (200) never stops the flood from counting.
            String address = "2001:db8:ffff:ffff:ffff:" + Integer.toHexString(i >> 2) + ":ffff:ffff";
            String clientId = String.format("%0128d", i);
            if (throttle.retryAfter(address, clientId, now).isEmpty()) {
                throttle.recordFailure(address, clientId, now);
            }
        }
        long retained = retainedHeap() - before;
        Reference.reachabilityFence(throttle);

        System.out.printf("throttle after %,d distinct pairs: %,d bytes retained%n", FLOOD, retained);
        // Beyond the counters' weights: the caches' hash tables and frequency sketches, about 1 MiB each.
        assertThat(retained).as("retained heap after %,d distinct pairs", FLOOD)
                .isLessThan(2 * FailureThrottle.MAX_BYTES_PER_CACHE + 4 * MIB);
    }

    @Test
    void whenCountersAreHeld_thenTheirWeightsAreNotBelowTheHeapTheyHold() {
        int pairs = 20_000;
        long before = retainedHeap();
        FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(20, 200, Duration.ofMinutes(1)));
        long weights = 0;
        for (int i = 0; i < pairs; i++) {
            // Fresh strings, as every request brings its own: the counters hold them.
            String address = "10.1." + (i >> 8) + "." + (i & 0xff);
            String clientId = String.format("client-%015d", i);
            throttle.recordFailure(address, clientId, 1_000);
            weights += FailureThrottle.addressWeight(address) + FailureThrottle.pairWeight(address, clientId);
        }
        long retained = retainedHeap() - before;
        Reference.reachabilityFence(throttle);

        System.out.printf("%,d pairs: %,d bytes retained, %,d bytes estimated%n", pairs, retained, weights);
        assertThat(retained).isLessThanOrEqualTo(weights);
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
