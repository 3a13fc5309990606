package dev.keyledger.token.config;

/** Token settings for tests outside Spring: a fixed issuer, the default audience left to it. */
public final class TokenSettingsFixture {

    private TokenSettingsFixture() {
    }

    public static TokenSettings withIssuer(String issuer) {
        return new TokenSettings(issuer, "");
    }
}
