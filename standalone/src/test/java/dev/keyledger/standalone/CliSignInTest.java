package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keyledger login} and the ways a command finds its credentials: a saved profile (owner-only files, a token
 * reused until shortly before it expires), the environment alone (CI), and the exit codes when signing in fails.
 */
@KeyledgerService(properties = CliSignInTest.DELETE_GUARD)
class CliSignInTest {

    /** Shared by the CLI's test classes (one service for them all); short, so that rotation tests can wait it out. */
    static final String DELETE_GUARD = "keyledger.secrets.delete-guard=PT5S";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningKeyledger keyledger;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
    }

    @Test
    void whenLoggingInWithTheSecretOnStandardInput_thenTheProfileIsSavedOwnerOnlyAndCommandsUseIt(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("config");
        Cli.Run login = Cli.withConfigDir(config).stdin(RunningKeyledger.ADMIN_SECRET + "\n")
                .run("login", "--url", keyledger.baseUri().toString(), "--client-id", RunningKeyledger.ADMIN_ID);

        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out() + login.err()).doesNotContain(RunningKeyledger.ADMIN_SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rwx------");
        for (String file : new String[] {"credentials.json", "tokens.json"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        JsonNode profile = JSON.readTree(config.resolve("credentials.json").toFile()).at("/profiles/default");
        assertThat(profile.path("url").asText()).isEqualTo(keyledger.baseUri().toString());
        assertThat(profile.path("clientId").asText()).isEqualTo(RunningKeyledger.ADMIN_ID);
        try (Stream<Path> files = Files.list(config)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("no temporary file is left behind").containsExactlyInAnyOrder("credentials.json", "tokens.json");
        }

        Cli.Run list = Cli.withConfigDir(config).run("keys", "list", "--output", "json");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.json().path("items").isArray()).isTrue();
    }

    @Test
    void whenATokenIsCached_thenItIsReusedUntilAMinuteBeforeItExpires(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config");
        Cli cli = Cli.withConfigDir(config).stdin(RunningKeyledger.ADMIN_SECRET);
        assertThat(cli.run("login", "--url", keyledger.baseUri().toString(), "--client-id", RunningKeyledger.ADMIN_ID)
                .exit()).isZero();
        String first = cachedToken(config);

        assertThat(cli.run("keys", "list").exit()).isZero();
        assertThat(cachedToken(config)).as("reused while it has time to live").isEqualTo(first);

        ObjectNode tokens = (ObjectNode) JSON.readTree(config.resolve("tokens.json").toFile());
        ((ObjectNode) tokens.get("default")).put("expiresAt", Instant.now().plusSeconds(30).toString());
        Files.write(config.resolve("tokens.json"), JSON.writeValueAsBytes(tokens));
        assertThat(cli.run("keys", "list").exit()).isZero();
        assertThat(cachedToken(config)).as("renewed within the last minute").isNotEqualTo(first);
    }

    @Test
    void whenNamedProfilesAreSaved_thenEachCommandUsesTheOneItNames(@TempDir Path dir) {
        Path config = dir.resolve("config");
        String url = keyledger.baseUri().toString();
        assertThat(Cli.withConfigDir(config).stdin(RunningKeyledger.ADMIN_SECRET)
                .run("login", "--profile", "prod", "--url", url, "--client-id", RunningKeyledger.ADMIN_ID).exit())
                .isZero();

        assertThat(Cli.withConfigDir(config).run("keys", "list").exit())
                .as("there is no default profile").isEqualTo(4);
        assertThat(Cli.withConfigDir(config).run("keys", "list", "--profile", "prod").exit()).isZero();
        assertThat(Cli.withConfigDir(config).set("KEYLEDGER_PROFILE", "prod").run("keys", "list").exit()).isZero();
    }

    @Test
    void whenXdgConfigHomeIsSet_thenTheProfileIsKeptUnderIt(@TempDir Path dir) {
        Path xdg = dir.resolve("xdg");
        Cli.Run login = Cli.withHome(dir.resolve("home")).set("XDG_CONFIG_HOME", xdg.toString())
                .stdin(RunningKeyledger.ADMIN_SECRET)
                .run("login", "--url", keyledger.baseUri().toString(), "--client-id", RunningKeyledger.ADMIN_ID);

        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(xdg.resolve("keyledger").resolve("credentials.json")).exists();
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void whenOnlyTheEnvironmentHoldsCredentials_thenCommandsWorkAndNoFileIsWritten(@TempDir Path dir) {
        Path config = dir.resolve("config");
        Cli.Run run = Cli.asAdmin(keyledger, config).run("clients", "list", "--size", "1", "--output", "json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().path("size").asInt()).isEqualTo(1);
        assertThat(config).doesNotExist();
    }

    @Test
    void whenTheSecretIsWrong_thenLoginExits4AndSavesNothing(@TempDir Path dir) {
        Path config = dir.resolve("config");
        Cli.Run login = Cli.withConfigDir(config).stdin("kls_not-the-secret")
                .run("login", "--url", keyledger.baseUri().toString(), "--client-id", RunningKeyledger.ADMIN_ID);

        assertThat(login.exit()).as(login.toString()).isEqualTo(4);
        assertThat(login.err()).contains("invalid_client").doesNotContain("kls_not-the-secret");
        assertThat(config.resolve("credentials.json")).doesNotExist();

        Cli.Run command = Cli.withEnvironment(keyledger, RunningKeyledger.ADMIN_ID, "kls_wrong", config)
                .run("clients", "list");
        assertThat(command.exit()).as(command.toString()).isEqualTo(4);
    }

    @Test
    void whenNothingIsConfigured_thenACommandExits4AndSaysHowToSignIn(@TempDir Path dir) {
        Cli.Run run = Cli.withConfigDir(dir.resolve("config")).run("clients", "list");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("keyledger login").contains("KEYLEDGER_URL");
    }

    @Test
    void whenTheServiceCannotBeReached_thenTheCommandExits3(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Run run = Cli.asAdmin(keyledger, dir.resolve("config"))
                .set("KEYLEDGER_URL", "http://127.0.0.1:" + closedPort).run("clients", "list");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:" + closedPort);
    }

    @Test
    void whenTheSecretIsOnTheCommandLine_thenThereIsNoOptionForIt(@TempDir Path dir) {
        Cli.Run run = Cli.withConfigDir(dir.resolve("config")).run("login", "--url", keyledger.baseUri().toString(),
                "--client-id", RunningKeyledger.ADMIN_ID, "--client-secret", RunningKeyledger.ADMIN_SECRET);

        assertThat(run.exit()).as("usage error").isEqualTo(2);
        assertThat(run.err()).contains("--client-secret").doesNotContain(RunningKeyledger.ADMIN_SECRET);
        assertThat(dir.resolve("config").resolve("credentials.json")).doesNotExist();
    }

    @Test
    void whenTheSecretComesFromStandardInputAndTheEnvironmentAtOnce_thenLoginRefusesToChoose(@TempDir Path dir) {
        Cli.Run run = Cli.withConfigDir(dir.resolve("config"))
                .set("KEYLEDGER_CLIENT_SECRET", RunningKeyledger.ADMIN_SECRET).stdin("kls_another\n")
                .run("login", "--url", keyledger.baseUri().toString(), "--client-id", RunningKeyledger.ADMIN_ID,
                        "--secret-stdin");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("use one").doesNotContain(RunningKeyledger.ADMIN_SECRET);
        assertThat(dir.resolve("config").resolve("credentials.json")).doesNotExist();
    }

    private static String cachedToken(Path config) throws IOException {
        return JSON.readTree(config.resolve("tokens.json").toFile()).at("/default/accessToken").asText();
    }
}
