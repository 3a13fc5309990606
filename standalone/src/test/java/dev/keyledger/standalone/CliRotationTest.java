package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static dev.keyledger.standalone.UniqueNames.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided rotation and the guards around secrets, as an operator or a pipeline runs them, while a machine keeps
 * asking for tokens with whatever secret it was last given: it never gets a refusal. The service's recent-use guard
 * is 5 s here ({@link CliSignInTest#DELETE_GUARD}).
 */
@KeyledgerService(properties = CliSignInTest.DELETE_GUARD)
class CliRotationTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static Cli cli;

    @BeforeAll
    static void start(RunningKeyledger shared, @TempDir Path config) {
        keyledger = shared;
        admin = keyledger.admin();
        cli = Cli.asAdmin(keyledger, config.resolve("unused"));
    }

    @Test
    void rotateStaged_oneStageARun_resumesWhereItStands_andRefusesToDeleteASecretInUse(@TempDir Path dir)
            throws IOException {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"" + unique("cli-staged") + "\"}");
        String id = registered.text("clientId");
        String oldSecretId = registered.json().at("/secrets/0/secretId").asText();
        Path file = dir.resolve("new.secret");
        try (Machine machine = new Machine(keyledger, id, registered.text("clientSecret"), Duration.ofMillis(20))) {
            Cli.Run added = run(0, "secrets", "rotate-staged", "--secret-file", file.toString(), "--", id);
            String newSecret = Files.readString(file).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(added.out() + added.err()).doesNotContain(newSecret).contains("stage 1 of 3");
            Eventually.holds("the read model shows the new secret", () -> client(id).path("secrets").size() == 2);

            Cli.Run standing = run(0, "secrets", "rotate-staged", "--", id);
            assertThat(standing.err()).as("shows each secret's last use and what to do next")
                    .contains("last used").contains("--promote");
            assertThat(client(id).path("secrets")).as("nothing changed without --promote").hasSize(2);

            run(0, printedCommand(standing.err())); // as an operator copies it, whatever the id begins with
            Eventually.holds("the old secret is SECONDARY", () -> "SECONDARY".equals(slotOf(client(id), oldSecretId)));

            waitUntil(() -> !secret(client(id), oldSecretId).path("lastUsedAt").isNull(), Duration.ofSeconds(10));
            Cli.Run refused = run(1, "secrets", "rotate-staged", "--delete-old", "--", id);
            assertThat(refused.err()).contains("lastUsedAt").contains("--force");
            assertThat(client(id).path("secrets")).as("the machine still uses the old secret").hasSize(2);

            machine.deploy(newSecret);
            Cli.Run retired = run(0, "secrets", "rotate-staged", "--delete-old", "--wait", "--interval", "0.5",
                    "--timeout", "60", "--", id);
            assertThat(retired.err()).contains("the rotation is complete");
            Eventually.holds("the old secret is gone", () -> slotOf(client(id), oldSecretId) == null);
            assertThat(client(id).path("secrets")).hasSize(1);

            Cli.Run again = run(0, "secrets", "rotate-staged", "--delete-old", "--", id);
            assertThat(again.err()).as("a finished rotation is not started again by a later stage's flag")
                    .contains("no rotation in progress");
            assertThat(client(id).path("secrets")).hasSize(1);

            machine.runFor(Duration.ofMillis(300));
            assertThat(machine.failures()).isEmpty();
            assertThat(machine.successes()).isPositive();
        }
    }

    @Test
    void rotateStaged_allInOneRun_deliveringTheSecretToACommand(@TempDir Path dir) throws IOException {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"" + unique("cli-pipeline") + "\"}");
        String id = registered.text("clientId");
        Path deployed = dir.resolve("deployed.secret");
        try (Machine machine = new Machine(keyledger, id, registered.text("clientSecret"), Duration.ofMillis(20))) {
            machine.watch(deployed);
            Cli.Run run = run(0, "secrets", "rotate-staged", "--to-command", "cat > '" + deployed + "'",
                    "--promote", "--delete-old", "--wait", "--interval", "0.5", "--timeout", "60", "--", id);
            String newSecret = Files.readString(deployed).strip();
            assertThat(run.out() + run.err()).doesNotContain(newSecret).contains("the rotation is complete");
            Eventually.holds("one secret left", () -> client(id).path("secrets").size() == 1);
            keyledger.tokenFor(id, newSecret);

            machine.runFor(Duration.ofMillis(300));
            assertThat(machine.failures()).isEmpty();
            assertThat(machine.usedSecret()).isEqualTo(newSecret);
        }
    }

    @Test
    void secretsDelete_whenTheSecretWasJustUsed_thenRefusedWithItsLastUseUnlessForced() {
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("cli-guard") + "\"}").text("clientId");
        AdminClient.Answer added = admin.post("/api/v1/clients/" + id + "/secrets", null);
        keyledger.tokenFor(id, added.text("clientSecret"));
        waitUntil(() -> !secret(client(id), added.text("secretId")).path("lastUsedAt").isNull(),
                Duration.ofSeconds(10));

        Cli.Run refused = run(1, "secrets", "delete", "--", id);
        assertThat(refused.err()).startsWith("refused (409)").contains("lastUsedAt: ").contains("--force");
        assertThat(client(id).path("secrets")).hasSize(2);

        run(0, "secrets", "delete", "--force", "--", id);
        Eventually.holds("one secret left", () -> client(id).path("secrets").size() == 1);
    }

    @Test
    void whenASecretWouldBePrintedIntoAPipe_thenNothingIsCreatedAndTheCommandSaysWhereToPutIt() {
        String name = unique("cli-piped");
        Cli.Run refused = run(2, "clients", "create", "--name", name);
        assertThat(refused.err()).contains("--secret-file").contains("--to-command").contains("--show-secret");
        assertThat(admin.send("GET", "/api/v1/clients?q=" + name, null).json().path("total").asInt()).isZero();
    }

    @Test
    void whenASecretIsGivenToACommand_thenOnlyThatCommandSeesIt(@TempDir Path dir) throws IOException {
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("cli-to-command") + "\"}").text("clientId");
        Path vault = dir.resolve("vault");
        Cli.Run added = run(0, "secrets", "add", "--to-command", "cat > '" + vault + "'", "-o", "json", "--", id);
        String secret = Files.readString(vault).strip();
        assertThat(secret).startsWith("kls_");
        assertThat(added.out() + added.err()).doesNotContain(secret);
        assertThat(added.json().path("secretId").asText()).isNotBlank();
        keyledger.tokenFor(id, secret);
    }

    @Test
    void whenTheClientIdBeginsWithADash_thenEachStageGuidanceRunsAsPrinted(@TempDir Path dir) {
        String id = clientWhoseIdBeginsWithADash();
        Cli.Run added = run(0, "secrets", "rotate-staged", "--secret-file", dir.resolve("new.secret").toString(),
                "--", id);
        // After '--' whatever it begins with: "-h...", "-o...", "-q..." and "-V..." would read as the command's options.
        assertThat(added.err()).contains("-- " + id);
        Cli.Run promoted = run(0, printedCommand(added.err()));
        assertThat(promoted.err()).contains("stage 2 of 3 done").contains("-- " + id);
        Cli.Run retired = run(0, printedCommand(promoted.err()));
        assertThat(retired.err()).contains("the rotation is complete");
    }

    private static Cli.Run run(int exit, String... arguments) {
        Cli.Run run = cli.run(arguments);
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        return run;
    }

    /** One id in 64 begins with '-', which a command line would read as an option. */
    private static String clientWhoseIdBeginsWithADash() {
        for (int attempt = 0; attempt < 2_000; attempt++) {
            String id = admin.post("/api/v1/clients", "{\"name\":\"" + unique("cli-dash") + "\"}").text("clientId");
            if (id.startsWith("-")) {
                return id;
            }
        }
        throw new AssertionError("no client id began with '-' in 2,000 registrations");
    }

    /** The command a stage's guidance says to run next, as its arguments after {@code keyledger}. */
    private static String[] printedCommand(String guidance) {
        String command = guidance.substring(guidance.lastIndexOf(": keyledger ") + ": keyledger ".length())
                .lines().findFirst().orElseThrow().strip();
        return command.split(" ");
    }

    private static JsonNode client(String id) {
        return admin.send("GET", "/api/v1/clients/" + id, null).json();
    }

    private static JsonNode secret(JsonNode client, String secretId) {
        for (JsonNode secret : client.path("secrets")) {
            if (secret.path("secretId").asText().equals(secretId)) {
                return secret;
            }
        }
        throw new AssertionError("no secret " + secretId + " in " + client);
    }

    private static String slotOf(JsonNode client, String secretId) {
        for (JsonNode secret : client.path("secrets")) {
            if (secret.path("secretId").asText().equals(secretId)) {
                return secret.path("slot").asText();
            }
        }
        return null;
    }
}
