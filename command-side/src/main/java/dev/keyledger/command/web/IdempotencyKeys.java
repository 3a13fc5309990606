package dev.keyledger.command.web;

import java.util.List;
import java.util.regex.Pattern;

/** The syntax of an {@code Idempotency-Key}: 1-255 visible ASCII characters. */
final class IdempotencyKeys {

    static final String MEANING = "1-255 visible ASCII characters: the same key with the same body within 24 hours "
            + "replays the first answer, secret included, and creates nothing";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    static void validate(String key) {
        if (key != null && !VISIBLE_ASCII.matcher(key).matches()) {
            throw new InvalidRequest("the Idempotency-Key header is invalid",
                    List.of(new FieldError("Idempotency-Key", "must be 1-255 visible ASCII characters")));
        }
    }
}
