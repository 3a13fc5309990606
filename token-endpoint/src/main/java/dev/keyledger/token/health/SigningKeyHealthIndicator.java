package dev.keyledger.token.health;

import dev.keyledger.token.jose.NoActiveSigningKey;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only with an active signing key: without one every token request is answered {@code 503} (the first moments
 * of a new deployment, before the command side's first key is active).
 */
@Component
class SigningKeyHealthIndicator implements HealthIndicator {

    private final SigningKeys keys;

    SigningKeyHealthIndicator(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public Health health() {
        try {
            SigningKey active = keys.active();
            return Health.up().withDetail("kid", active.kid()).withDetail("algorithm", active.algorithm()).build();
        } catch (NoActiveSigningKey e) {
            return Health.outOfService().withDetail("active", false).build();
        }
    }
}
