package dev.keyledger.token.web;

import dev.keyledger.token.authentication.Authentication;

/**
 * What the token endpoint answers: a token, or an OAuth error; or, before either, a verified assertion whose
 * {@code jti} must be recorded first, outside the signing turn ({@code awaiting}).
 */
record TokenAnswer(TokenResponse token, OAuthError error, Authentication awaiting) {

    static TokenAnswer issued(TokenResponse token) {
        return new TokenAnswer(token, null, null);
    }

    static TokenAnswer refused(OAuthError error) {
        return new TokenAnswer(null, error, null);
    }

    static TokenAnswer awaiting(Authentication verified) {
        return new TokenAnswer(null, null, verified);
    }
}
