package dev.keyledger.query.monitoring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The hash chain's lag, as a detail that is always up: the chain is evidence about the store and catches up by
 * itself; a node whose linker is behind serves reads as well as any other.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {

    private final EventLag lag;

    AuditChainHealthIndicator(EventLag lag) {
        this.lag = lag;
    }

    @Override
    public Health health() {
        LagSnapshot snapshot = lag.snapshot();
        Health.Builder health = Health.up().withDetail("unlinkedEvents", snapshot.unlinkedEvents());
        // Not measured yet (the database has not answered since the start): a null detail would fail the whole probe.
        if (snapshot.measuredAt() != null) {
            health.withDetail("measuredAt", snapshot.measuredAt());
        }
        return health.build();
    }
}
