package dev.keyledger.token.issuance;

/** What became of a token request, as the issuance log records it. */
public enum Outcome {
    ISSUED,
    FAILED,
    THROTTLED
}
