package dev.keyledger.token.web;

/** What the token endpoint answers: a token, or an OAuth error. */
record TokenAnswer(TokenResponse token, OAuthError error) {

    static TokenAnswer issued(TokenResponse token) {
        return new TokenAnswer(token, null);
    }

    static TokenAnswer refused(OAuthError error) {
        return new TokenAnswer(null, error);
    }
}
