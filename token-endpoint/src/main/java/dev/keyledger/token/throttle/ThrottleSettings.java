package dev.keyledger.token.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits on failed authentications (API.md §1 "Throttling of guessing"), as {@code keyledger.token.throttle.*}.
 *
 * @param pairFailures    failures allowed per window for one (source address, client id)
 * @param addressFailures failures allowed per window for one source address, whatever the client id
 * @param window          how long a window lasts from its first failure
 */
@ConfigurationProperties("keyledger.token.throttle")
public record ThrottleSettings(Integer pairFailures, Integer addressFailures, Duration window) {

    public ThrottleSettings {
        pairFailures = pairFailures == null ? 20 : pairFailures;
        addressFailures = addressFailures == null ? 200 : addressFailures;
        window = window == null ? Duration.ofMinutes(1) : window;
    }
}
