package dev.keyledger.token.health;

import dev.keyledger.token.authentication.ClientAuthCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Ready only while the in-memory client auth view was read within its published bound (BENCHMARKS.md: 1 s, the
 * contract's bound for a disabled client or a deleted secret to stop working): a node whose view is older could
 * still issue tokens to a client that was disabled, so it must leave the load balancer until it reads again.
 * Before the first read it is not ready either: every client would be refused as unknown.
 */
@Component
class AuthViewHealthIndicator implements HealthIndicator {

    private final ClientAuthCache cache;
    private final Duration bound;

    AuthViewHealthIndicator(ClientAuthCache cache, @Value("${keyledger.token.auth-view-bound:PT1S}") Duration bound) {
        this.cache = cache;
        this.bound = bound;
    }

    @Override
    public Health health() {
        Optional<Duration> age = cache.age();
        if (age.isEmpty()) {
            return Health.outOfService().withDetail("loaded", false).withDetail("boundMillis", bound.toMillis())
                    .build();
        }
        Health.Builder health = age.get().compareTo(bound) <= 0 ? Health.up() : Health.outOfService();
        return health.withDetail("loaded", true)
                .withDetail("ageMillis", age.get().toMillis())
                .withDetail("boundMillis", bound.toMillis())
                .build();
    }
}
