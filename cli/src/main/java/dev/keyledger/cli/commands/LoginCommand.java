package dev.keyledger.cli.commands;

import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.KeyledgerCli;
import dev.keyledger.cli.config.ConfigDirectory;
import dev.keyledger.cli.config.Profile;
import dev.keyledger.cli.config.ProfileStore;
import dev.keyledger.cli.config.SignIn;
import dev.keyledger.cli.config.TokenCache;
import dev.keyledger.cli.config.TokenCache.CachedToken;
import dev.keyledger.cli.http.TokenClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code keyledger login}: checks the credentials against the token endpoint, then saves them as a profile. The
 * secret never comes from the command line, where {@code ps} and the shell history would show it.
 */
@Command(name = "login", description = "Sign in with an admin client's credentials and save them as a profile."
        + " The secret is read from KEYLEDGER_CLIENT_SECRET, else standard input, else a prompt without echo.",
        footer = {"%nExamples:", "  keyledger login --url https://keyledger.example.com --client-id bootstrap-admin",
                "  vault kv get -field=secret kv/keyledger | keyledger login --url ... --client-id ... --profile prod"})
public class LoginCommand implements Runnable {

    @Option(names = "--url", paramLabel = "URL", description = "The service's base URL (default: KEYLEDGER_URL).")
    String url;

    @Option(names = "--client-id", paramLabel = "ID", description = "An admin client (default: KEYLEDGER_CLIENT_ID).")
    String clientId;

    @Option(names = "--secret-stdin", description = "Read the secret from standard input even on a terminal.")
    boolean secretFromStdin;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        KeyledgerCli cli = (KeyledgerCli) spec.root().userObject();
        CliEnvironment environment = cli.environment();
        String name = Optional.ofNullable(cli.profileOption()).or(() -> environment.variable("KEYLEDGER_PROFILE"))
                .orElse(SignIn.DEFAULT_PROFILE);
        String base = Optional.ofNullable(url).or(() -> environment.variable("KEYLEDGER_URL")).orElseThrow(
                () -> CliFailure.usage("give --url (or set KEYLEDGER_URL)"));
        String id = Optional.ofNullable(clientId).or(() -> environment.variable("KEYLEDGER_CLIENT_ID")).orElseThrow(
                () -> CliFailure.usage("give --client-id (or set KEYLEDGER_CLIENT_ID)"));
        Profile profile = new Profile(name, SignIn.parseUrl(base), id, secret(environment, id));
        CachedToken token = new TokenClient(KeyledgerCli.httpClient()).fetch(profile);
        Path folder = ConfigDirectory.of(environment);
        ProfileStore profiles = new ProfileStore(folder);
        profiles.save(profile);
        new TokenCache(folder).save(profile, token);
        cli.printer().info("signed in to " + profile.url() + " as " + id + "; profile '" + name + "' saved in "
                + profiles.file());
    }

    private String secret(CliEnvironment environment, String id) {
        Optional<String> fromEnvironment = environment.variable("KEYLEDGER_CLIENT_SECRET");
        if (fromEnvironment.isPresent() && secretFromStdin) {
            throw CliFailure.usage("--secret-stdin and KEYLEDGER_CLIENT_SECRET both give a secret: use one");
        }
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        String secret;
        if (environment.console() != null && !secretFromStdin) {
            char[] typed = environment.console().readPassword("Client secret for %s: ", id);
            secret = typed == null ? "" : new String(typed);
        } else {
            secret = firstLine(environment);
        }
        if (secret.isBlank()) {
            throw CliFailure.usage("no client secret given (prompt, standard input or KEYLEDGER_CLIENT_SECRET)");
        }
        return secret.strip();
    }

    private static String firstLine(CliEnvironment environment) {
        try {
            String line = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8))
                    .readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret from standard input", e);
        }
    }
}
