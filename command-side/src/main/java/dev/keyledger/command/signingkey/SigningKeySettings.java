package dev.keyledger.command.signingkey;

import dev.keyledger.kernel.client.TokenLifetime;
import dev.keyledger.kernel.signingkey.SigningAlgorithm;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How keys are made and rotated: the algorithm of new keys ({@code keyledger.token.algorithm}) and how long a new key
 * is published before it signs ({@code keyledger.keys.activation-delay}). The delay should be at least the JWKS
 * {@code Cache-Control} max-age, so that verifiers which cache the JWKS know a key before they meet a token it signed.
 */
public record SigningKeySettings(SigningAlgorithm algorithm, Duration activationDelay) {

    /**
     * The longest a token can live ({@link TokenLifetime#MAX_SECONDS}) plus a margin for clock skew between
     * nodes and verifiers and for token-endpoint nodes that still sign with a key for up to a second after its
     * retirement: a retired key stays published this long.
     */
    public static final Duration VERIFICATION_OVERLAP = Duration.ofSeconds(TokenLifetime.MAX_SECONDS)
            .plus(Duration.ofMinutes(5));

    public SigningKeySettings {
        if (activationDelay.isNegative()) {
            throw new IllegalArgumentException("keyledger.keys.activation-delay must not be negative");
        }
    }

    /** Reads both settings as configured, with an error that names the property at fault. */
    public static SigningKeySettings parse(String algorithm, String activationDelay) {
        SigningAlgorithm parsedAlgorithm;
        try {
            parsedAlgorithm = SigningAlgorithm.of(algorithm.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keyledger.token.algorithm: " + e.getMessage());
        }
        try {
            return new SigningKeySettings(parsedAlgorithm, Duration.parse(activationDelay.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("keyledger.keys.activation-delay must be an ISO-8601 duration such as PT60S");
        }
    }
}
