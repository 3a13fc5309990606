package dev.keyledger.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the CLI takes from the process it runs in. Tests pass their own (variables, standard input, captured
 * output), so the commands run in-process exactly as they would from a shell.
 *
 * @param console  where secrets are prompted for without echo; {@code null} when there is no terminal
 * @param terminal whether a person is watching: colours, progress bars and one-time secrets are shown only then
 */
public record CliEnvironment(Map<String, String> variables, InputStream stdin, PrintWriter out, PrintWriter err,
                             Console console, boolean terminal, Path home) {

    public static CliEnvironment system() {
        Console console = System.console();
        boolean terminal = console != null && isTerminal(console);
        return new CliEnvironment(System.getenv(), System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                terminal ? console : null, terminal, Path.of(System.getProperty("user.home")));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }

    /**
     * Since JDK 22 {@link System#console()} answers even when the streams are redirected; {@code isTerminal()} (JDK
     * 22+) tells the difference. Built for Java 17, so it is looked up rather than called.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
