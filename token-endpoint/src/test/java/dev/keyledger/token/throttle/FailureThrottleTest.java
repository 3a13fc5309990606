package dev.keyledger.token.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FailureThrottleTest {

    private final FailureThrottle throttle = new FailureThrottle(new ThrottleSettings(3, 5, Duration.ofSeconds(60)));

    @Test
    void whenAPairReachesItsLimit_thenItIsThrottledUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("10.0.0.1", "c1", 1_000)).isEmpty();
            throttle.recordFailure("10.0.0.1", "c1", 1_000);
        }
        assertThat(throttle.retryAfter("10.0.0.1", "c1", 1_000)).hasValue(60);
        assertThat(throttle.retryAfter("10.0.0.1", "c1", 31_000)).hasValue(30);
        assertThat(throttle.retryAfter("10.0.0.1", "c1", 61_000)).isEmpty();
    }

    @Test
    void whenAPairIsThrottled_thenOtherAddressesAndOtherClientsAreNot() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("10.0.0.1", "c1", 1_000);
        }
        assertThat(throttle.retryAfter("10.0.0.2", "c1", 1_000)).isEmpty();
        assertThat(throttle.retryAfter("10.0.0.1", "c2", 1_000)).isEmpty();
    }

    @Test
    void whenAnAddressFailsAcrossClients_thenTheWholeAddressIsThrottled() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("10.0.0.1", "c" + i, 1_000);
        }
        assertThat(throttle.retryAfter("10.0.0.1", "fresh", 2_000)).hasValue(59);
        assertThat(throttle.retryAfter("10.0.0.9", "fresh", 2_000)).isEmpty();
    }

    @Test
    void whenAWindowHasEnded_thenCountingStartsAfresh() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("10.0.0.1", "c1", 1_000);
        }
        throttle.recordFailure("10.0.0.1", "c1", 62_000);
        assertThat(throttle.retryAfter("10.0.0.1", "c1", 62_000)).isEmpty();
    }
}
