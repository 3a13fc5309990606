package dev.keyledger.kernel.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How long the access tokens issued to a client live: {@value #MIN_SECONDS}-{@value #MAX_SECONDS} seconds. */
public record TokenLifetime(int seconds) {

    public static final int MIN_SECONDS = 60;
    public static final int MAX_SECONDS = 86_400;
    public static final TokenLifetime DEFAULT = new TokenLifetime(3_600);

    public TokenLifetime {
        requireInRange(seconds);
    }

    /** From any whole number a caller sent, however large: one outside the range is refused like any other. */
    public static TokenLifetime ofSeconds(long seconds) {
        requireInRange(seconds);
        return new TokenLifetime((int) seconds);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TokenLifetime of(int seconds) {
        return new TokenLifetime(seconds);
    }

    @JsonValue
    @Override
    public int seconds() {
        return seconds;
    }

    private static void requireInRange(long seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("must be between " + MIN_SECONDS + " and " + MAX_SECONDS);
        }
    }
}
