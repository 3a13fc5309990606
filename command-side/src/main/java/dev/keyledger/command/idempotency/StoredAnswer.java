package dev.keyledger.command.idempotency;

/** The first answer to a request, replayed byte for byte when the same request comes again. */
public record StoredAnswer(int status, String location, String etag, byte[] body) {
}
