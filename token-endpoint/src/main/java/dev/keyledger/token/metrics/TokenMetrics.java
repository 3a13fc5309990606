package dev.keyledger.token.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code keyledger_token_requests_total{outcome}}, {@code keyledger_token_request_seconds} (the whole request, a
 * histogram) and {@code keyledger_token_signing_seconds} (building and signing the JWS). A counter per outcome is
 * made up front and found by the enum's ordinal, so the token path pays an increment and a histogram update.
 */
@Component
public class TokenMetrics {

    /** Token requests take 1-100 ms here (BENCHMARKS.md); a few buckets either side catch the tails. */
    private static final Duration[] REQUEST_BUCKETS = millis(0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 250,
            500, 1000, 2500);
    private static final Duration[] SIGNING_BUCKETS = millis(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100);

    private final Counter[] requests;
    private final Timer request;
    private final Timer signing;

    public TokenMetrics(MeterRegistry registry) {
        TokenRequestOutcome[] outcomes = TokenRequestOutcome.values();
        requests = new Counter[outcomes.length];
        for (TokenRequestOutcome outcome : outcomes) {
            requests[outcome.ordinal()] = Counter.builder("keyledger.token.requests")
                    .description("Token requests by outcome")
                    .tag("outcome", outcome.label())
                    .register(registry);
        }
        request = Timer.builder("keyledger.token.request")
                .description("The whole token request, from reading it to writing the answer")
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry);
        signing = Timer.builder("keyledger.token.signing")
                .description("Building and signing an access token")
                .serviceLevelObjectives(SIGNING_BUCKETS)
                .register(registry);
    }

    public void recordRequest(TokenRequestOutcome outcome, long nanos) {
        requests[outcome.ordinal()].increment();
        request.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordSigning(long nanos) {
        signing.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static Duration[] millis(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
        }
        return durations;
    }
}
