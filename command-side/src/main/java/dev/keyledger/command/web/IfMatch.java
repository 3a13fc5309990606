package dev.keyledger.command.web;

/**
 * A write's {@code If-Match} header, as sent ({@code null} when absent). It is read into a version only when the
 * command is built, after the body's faults: a request with both is answered about its body, as it always was.
 */
record IfMatch(String header) {

    /** The version the caller expects; {@code null} when it demands none. */
    Long expectedVersion() {
        return Versions.expected(header);
    }
}
