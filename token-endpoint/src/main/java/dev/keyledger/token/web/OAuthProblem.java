package dev.keyledger.token.web;

/** Thrown while reading a request that cannot be served; carries the answer. Stackless: it is an answer, not a fault. */
final class OAuthProblem extends RuntimeException {

    private final OAuthError error;

    OAuthProblem(OAuthError error) {
        super(error.error(), null, false, false);
        this.error = error;
    }

    OAuthError error() {
        return error;
    }
}
