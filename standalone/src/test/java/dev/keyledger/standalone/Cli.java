package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.KeyledgerCli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code keyledger} command run in-process as a shell would run it: its own environment variables, standard
 * input and captured output, and no terminal (as in a pipeline), unless a test says otherwise.
 */
final class Cli {


    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> variables;
    private final Path home;
    private String stdin = "";

    private Cli(Map<String, String> variables, Path home) {
        this.variables = variables;
        this.home = home;
    }

    /** Signs in with the environment's credentials only (the CI way); {@code configDir} must stay empty. */
    static Cli withEnvironment(RunningKeyledger keyledger, String clientId, String secret, Path configDir) {
        return withConfigDir(configDir)
                .set("KEYLEDGER_URL", keyledger.baseUri().toString())
                .set("KEYLEDGER_CLIENT_ID", clientId)
                .set("KEYLEDGER_CLIENT_SECRET", secret);
    }

    /** The bootstrap admin, from the environment. */
    static Cli asAdmin(RunningKeyledger keyledger, Path configDir) {
        return withEnvironment(keyledger, RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET, configDir);
    }

    static Cli withConfigDir(Path configDir) {
        Map<String, String> variables = new HashMap<>();
        variables.put("KEYLEDGER_CONFIG_DIR", configDir.toString());
        return new Cli(variables, configDir.resolve("home"));
    }

    /** Without KEYLEDGER_CONFIG_DIR: the XDG and home defaults apply, under {@code home}. */
    static Cli withHome(Path home) {
        return new Cli(new HashMap<>(), home);
    }

    Cli set(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    Cli unset(String variable) {
        variables.remove(variable);
        return this;
    }

    Cli stdin(String text) {
        stdin = text;
        return this;
    }

    Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.copyOf(variables),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), null, false, home);
        int exit = KeyledgerCli.commandLine(environment).execute(arguments);
        return new Run(exit, out.toString(), err.toString());
    }

    /** What one command did: its exit code and everything it printed. */
    record Run(int exit, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
