package dev.keyledger.kernel.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A resource a client may ask tokens for (RFC 8707): an absolute URI of at most {@value #MAX_LENGTH} characters and,
 * as RFC 3986 §4.3 defines an absolute-URI and RFC 8707 §2 a resource indicator, without a fragment.
 */
public record Audience(URI uri) {

    public static final int MAX_LENGTH = 2048;

    public Audience {
        Objects.requireNonNull(uri, "audience");
        if (!uri.isAbsolute() || uri.toString().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be an absolute URI of at most " + MAX_LENGTH + " characters");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be an absolute URI without a fragment (#...)");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Audience parse(String value) {
        try {
            return new Audience(new URI(value));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute URI");
        }
    }

    @JsonValue
    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
