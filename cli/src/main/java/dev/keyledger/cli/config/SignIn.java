package dev.keyledger.cli.config;

import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.CliFailure;

import java.net.URI;
import java.util.Optional;

/**
 * Which credentials a command uses. A named profile ({@code --profile} or {@code KEYLEDGER_PROFILE}) comes from the
 * credentials file; otherwise {@code KEYLEDGER_URL}, {@code KEYLEDGER_CLIENT_ID} and {@code KEYLEDGER_CLIENT_SECRET}
 * when set (CI pipelines: no file is read or written); otherwise the profile {@code default}.
 *
 * @param cache where its tokens are kept between commands; empty for credentials from the environment
 */
public record SignIn(Profile profile, Optional<TokenCache> cache) {

    public static final String DEFAULT_PROFILE = "default";
    static final String ENVIRONMENT = "environment";

    public static SignIn resolve(CliEnvironment environment, String profileOption) {
        Optional<String> named = Optional.ofNullable(profileOption).or(() -> environment.variable("KEYLEDGER_PROFILE"));
        Optional<String> url = environment.variable("KEYLEDGER_URL");
        if (named.isEmpty() && url.isPresent()) {
            return new SignIn(new Profile(ENVIRONMENT, parseUrl(url.get()), required(environment, "KEYLEDGER_CLIENT_ID"),
                    required(environment, "KEYLEDGER_CLIENT_SECRET")), Optional.empty());
        }
        String name = named.orElse(DEFAULT_PROFILE);
        ProfileStore store = new ProfileStore(ConfigDirectory.of(environment));
        Profile profile = store.find(name).orElseThrow(() -> CliFailure.authentication("not signed in: there is no"
                + " profile '" + name + "' in " + store.file() + "; run keyledger login"
                + (name.equals(DEFAULT_PROFILE) ? "" : " --profile " + name)
                + ", or set KEYLEDGER_URL, KEYLEDGER_CLIENT_ID and KEYLEDGER_CLIENT_SECRET"));
        return new SignIn(profile, Optional.of(new TokenCache(ConfigDirectory.of(environment))));
    }

    public static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("not an http(s) URL: " + url);
        }
    }

    private static String required(CliEnvironment environment, String variable) {
        return environment.variable(variable).orElseThrow(() -> CliFailure.authentication(
                "KEYLEDGER_URL is set but " + variable + " is not: set KEYLEDGER_URL, KEYLEDGER_CLIENT_ID and"
                        + " KEYLEDGER_CLIENT_SECRET together, or use a profile (keyledger login)"));
    }
}
