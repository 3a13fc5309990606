package dev.keyledger.cli;

import dev.keyledger.cli.commands.AuditCommand;
import dev.keyledger.cli.commands.ClientKeysCommand;
import dev.keyledger.cli.commands.ClientsCommand;
import dev.keyledger.cli.commands.FederatedCredentialsCommand;
import dev.keyledger.cli.commands.KafkaCommand;
import dev.keyledger.cli.commands.KeysCommand;
import dev.keyledger.cli.commands.LoginCommand;
import dev.keyledger.cli.commands.ProjectionsCommand;
import dev.keyledger.cli.commands.RolesCommand;
import dev.keyledger.cli.commands.SecretsCommand;
import dev.keyledger.cli.commands.TokensCommand;
import dev.keyledger.cli.config.SignIn;
import dev.keyledger.cli.http.AccessTokens;
import dev.keyledger.cli.http.KeyledgerApi;
import dev.keyledger.cli.http.TokenClient;
import dev.keyledger.cli.output.OutputFormat;
import dev.keyledger.cli.output.Printer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/** {@code keyledger <noun> <verb>}: the root command and the options every command shares. */
@Command(name = "keyledger", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Administers a Keyledger service through its public HTTP API.",
        subcommands = {LoginCommand.class, ClientsCommand.class, SecretsCommand.class, ClientKeysCommand.class,
                FederatedCredentialsCommand.class, RolesCommand.class, KeysCommand.class, TokensCommand.class,
                AuditCommand.class, ProjectionsCommand.class, KafkaCommand.class},
        footerHeading = "%n",
        footer = {"Credentials: a profile saved by 'keyledger login', or KEYLEDGER_URL, KEYLEDGER_CLIENT_ID and"
                + " KEYLEDGER_CLIENT_SECRET.",
                "Exit codes: 0 done, 1 refused by the service (its problem printed), 2 usage, 3 unreachable,"
                + " 4 authentication failed.",
                "%nExample:", "  keyledger clients list --output json"})
public class KeyledgerCli implements Runnable {

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The saved profile to use (default: KEYLEDGER_PROFILE, else the environment's"
                    + " credentials, else 'default').")
    String profile;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json (the API's answers exactly) or yaml.")
    OutputFormat output;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No messages; tables print only their first column (the ids).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private CliEnvironment environment;
    private KeyledgerApi api;

    /** The command line as {@code bin/keyledger} runs it, or a test with its own environment. */
    public static CommandLine commandLine(CliEnvironment environment) {
        KeyledgerCli root = new KeyledgerCli();
        root.environment = environment;
        // Client ids are base64url and one in 64 begins with '-': an argument that is no option of the command is
        // its positional parameter, and options are never clustered (so "-q1Xf..." is an id, not -q with "1Xf...").
        return new CommandLine(root)
                .setUnmatchedOptionsArePositionalParams(true)
                .setPosixClusteredShortOptionsAllowed(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(environment.out())
                .setErr(environment.err())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new FailureHandler());
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; see keyledger --help");
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Printer printer() {
        return new Printer(environment, output, quiet);
    }

    public String profileOption() {
        return profile;
    }

    /** The admin API as the chosen credentials; signing in happens on the first call that needs it. */
    public KeyledgerApi api() {
        if (api == null) {
            SignIn signIn = SignIn.resolve(environment, profile);
            HttpClient http = httpClient();
            AccessTokens tokens = new AccessTokens(signIn.profile(), new TokenClient(http), signIn.cache(),
                    Clock.systemUTC());
            api = new KeyledgerApi(signIn.profile().url(), http, tokens);
        }
        return api;
    }

    public static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }
}
