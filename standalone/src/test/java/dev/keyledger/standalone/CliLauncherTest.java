package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/keyledger} as a user runs it after {@code mvn package}: a separate process that finds the CLI's jar
 * relative to itself (through a symbolic link too) and the JVM through {@code JAVA_HOME}.
 */
@KeyledgerService(properties = CliSignInTest.DELETE_GUARD)
class CliLauncherTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private static RunningKeyledger keyledger;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
    }

    @Test
    void whenRunThroughALinkWithTheEnvironmentsCredentials_thenItPrintsTheApisAnswer(@TempDir Path dir)
            throws Exception {
        Path link = dir.resolve("bin").resolve("keyledger");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, REPOSITORY.resolve("bin").resolve("keyledger"));

        String id = keyledger.admin().post("/api/v1/clients", "{\"name\":\"" + UniqueNames.unique("cli-launched")
                + "\"}").text("clientId");
        ProcessBuilder builder = new ProcessBuilder(
                List.of(link.toString(), "clients", "get", "--output", "json", "--", id))
                .redirectError(dir.resolve("err").toFile())
                .directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KEYLEDGER_CONFIG_DIR", dir.resolve("config").toString());
        builder.environment().put("KEYLEDGER_URL", keyledger.baseUri().toString());
        builder.environment().put("KEYLEDGER_CLIENT_ID", RunningKeyledger.ADMIN_ID);
        builder.environment().put("KEYLEDGER_CLIENT_SECRET", RunningKeyledger.ADMIN_SECRET);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(out + Files.readString(dir.resolve("err"))).isZero();
        JsonNode answer = new ObjectMapper().readTree(out);
        assertThat(answer).isEqualTo(keyledger.admin().send("GET", "/api/v1/clients/" + id, null).json());
    }

    @Test
    void whenTheSecretIsPipedToLogin_thenTheProfileIsSavedAndUsed(@TempDir Path dir) throws IOException,
            InterruptedException {
        Path config = dir.resolve("config");
        Process login = launcher(config, "login", "--url", keyledger.baseUri().toString(), "--client-id",
                RunningKeyledger.ADMIN_ID).start();
        login.getOutputStream().write((RunningKeyledger.ADMIN_SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        login.getOutputStream().close();
        String said = new String(login.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(login.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(login.exitValue()).as(said).isZero();
        assertThat(said).contains("signed in").doesNotContain(RunningKeyledger.ADMIN_SECRET);

        Process unknown = launcher(config, "clients", "get", "no-such-client").start();
        String refusal = new String(unknown.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unknown.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(unknown.exitValue()).as(refusal).isEqualTo(1);
        assertThat(refusal).startsWith("refused (404)");
    }

    private static ProcessBuilder launcher(Path config, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(REPOSITORY.resolve("bin").resolve("keyledger").toString());
        builder.command().addAll(List.of(arguments));
        builder.environment().keySet().removeIf(name -> name.startsWith("KEYLEDGER_"));
        builder.environment().put("KEYLEDGER_CONFIG_DIR", config.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }
}
