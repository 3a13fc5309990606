package dev.keyledger.token.metrics;

import dev.keyledger.token.authentication.ClientAuthCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code keyledger_auth_view_staleness_seconds}: how long ago the token endpoint last read the client auth view, so
 * how far at most its clients lag the view (NaN before the first read). The view's own lag behind the event store is
 * the query side's {@code keyledger_projection_lag_seconds{processor="query-views"}}; the two add up.
 */
@Component
class AuthViewMetrics implements MeterBinder {

    private final ClientAuthCache cache;

    AuthViewMetrics(ClientAuthCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("keyledger.auth.view.staleness", cache,
                        view -> view.age().map(age -> age.toNanos() / 1e9).orElse(Double.NaN))
                .description("Time since the token endpoint last read the client auth view")
                .baseUnit("seconds")
                .register(registry);
    }
}
