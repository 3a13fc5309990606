package dev.keyledger.token.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A JWT in the JWS compact serialization, taken apart but not yet trusted: its header, its claims, the bytes that
 * were signed and the signature. {@link #toString()} shows nothing of it.
 */
public record ClientAssertion(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** Empty for anything that is not three base64url parts, the first two JSON objects. */
    static Optional<ClientAssertion> parse(String compact) {
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(BASE64URL.decode(compact.substring(0, first)));
            JsonNode claims = JSON.readTree(BASE64URL.decode(compact.substring(first + 1, second)));
            byte[] signature = BASE64URL.decode(compact.substring(second + 1));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new ClientAssertion(header, claims,
                    compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The claimed subject, to find the client by, before anything is verified; {@code ""} when there is none. */
    public static String claimedSubject(String compact) {
        return parse(compact).map(assertion -> assertion.text(assertion.claims(), "sub")).orElse("");
    }

    /**
     * A NumericDate claim (RFC 7519 §2) in whole seconds that an {@link Instant} can hold; empty for anything else,
     * so that {@code exp: 1e17} is a refusal like a missing {@code exp}, not an exception.
     */
    static Optional<Instant> numericDate(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            return Optional.empty();
        }
        long seconds = value.longValue();
        if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : "";
    }

    @Override
    public String toString() {
        return "ClientAssertion[redacted]";
    }
}
