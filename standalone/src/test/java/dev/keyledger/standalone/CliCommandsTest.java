package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.keyledger.standalone.UniqueNames.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every noun of {@code keyledger} against the running service: each verb does what the API does, and
 * {@code --output json} prints exactly the API's answer (compared with the same request made directly).
 */
@KeyledgerService(properties = CliSignInTest.DELETE_GUARD)
class CliCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void clients_everyVerb() {
        String role = unique("cli-reader");
        ok("roles", "create", role, "--permission", "reports:read");
        String name = unique("cli-client");
        JsonNode created = ok("clients", "create", "--name", name, "--role", role, "--ttl", "600",
                "--audience", "https://api.example.com", "--show-secret", "-o", "json").json();
        String id = created.path("clientId").asText();
        assertThat(created.path("clientSecret").asText()).startsWith("kls_");
        assertThat(created.path("roles").get(0).asText()).isEqualTo(role);
        assertThat(created.path("accessTokenTtlSeconds").asInt()).isEqualTo(600);

        assertSameAsApi(ok("clients", "get", "-o", "json", "--", id), "/api/v1/clients/" + id);
        assertSameAsApi(ok("clients", "list", "--name-contains", name, "--role", role, "--status", "ACTIVE",
                "--page", "0", "--size", "5", "-o", "json"), "/api/v1/clients?q=" + name + "&role=" + role
                + "&status=ACTIVE&page=0&size=5");
        Cli.Run table = ok("clients", "list", "--name-contains", name);
        assertThat(table.out()).contains("CLIENT ID").contains(id).contains(name).contains("ACTIVE");
        assertThat(ok("clients", "list", "--name-contains", name, "--quiet").out().strip()).isEqualTo(id);

        String createdAt = created.path("createdAt").asText();
        JsonNode updated = ok("clients", "update", "--name", name + "-renamed", "--description", "moved",
                "-o", "json", "--", id).json();
        assertThat(updated.path("name").asText()).isEqualTo(name + "-renamed");
        assertThat(ok("clients", "get", "--as-of", createdAt, "-o", "json", "--", id).json().path("name").asText())
                .as("as it was when registered").isEqualTo(name);

        assertThat(ok("clients", "disable", "-o", "json", "--", id).json().path("status").asText())
                .isEqualTo("DISABLED");
        assertThat(ok("clients", "enable", "-o", "json", "--", id).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(ok("clients", "delete", "--force", "-o", "json", "--", id).json().path("status").asText())
                .isEqualTo("DELETED");
    }

    @Test
    void clients_yamlIsTheSameDocument() {
        String id = register(unique("cli-yaml"));
        Cli.Run yaml = ok("clients", "get", "-o", "yaml", "--", id);
        JsonNode parsed = JSON.valueToTree(new Yaml().load(yaml.out()));
        assertThat(parsed).isEqualTo(admin.send("GET", "/api/v1/clients/" + id, null).json());
    }

    @Test
    void secrets_addPromoteRotateDelete(@TempDir Path dir) throws IOException {
        String id = register(unique("cli-secrets"));
        Path file = dir.resolve("new.secret");
        Cli.Run added = ok("secrets", "add", "--secret-file", file.toString(), "-o", "json", "--", id);
        String secret = Files.readString(file).strip();
        assertThat(secret).startsWith("kls_");
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(added.out() + added.err()).doesNotContain(secret);
        assertThat(added.json().has("clientSecret")).as("withheld: it went to the file").isFalse();
        assertThat(added.json().path("slot").asText()).isEqualTo("SECONDARY");
        keyledger.tokenFor(id, secret);

        JsonNode promoted = ok("secrets", "promote", "-o", "json", "--", id).json();
        assertThat(promoted.at("/secrets").findValuesAsText("slot")).containsExactlyInAnyOrder("PRIMARY", "SECONDARY");
        String newPrimary = added.json().path("secretId").asText();
        assertThat(slotOf(promoted, newPrimary)).isEqualTo("PRIMARY");

        String oldId = secondaryOf(promoted);
        ok("secrets", "delete", "--force", "--", id, oldId);
        Cli.Run rotated = ok("secrets", "rotate", "--show-secret", "-o", "json", "--", id);
        assertThat(rotated.json().path("slot").asText()).isEqualTo("PRIMARY");
        assertThat(rotated.json().path("clientSecret").asText()).startsWith("kls_");
    }

    @Test
    void roles_everyVerb() {
        String role = unique("cli-role");
        JsonNode created = ok("roles", "create", role, "--permission", "a:read", "--description", "for the CLI",
                "-o", "json").json();
        assertThat(created.path("permissions")).hasSize(1);
        assertSameAsApi(ok("roles", "get", role, "-o", "json"), "/api/v1/roles/" + role);
        assertSameAsApi(ok("roles", "list", "--size", "200", "-o", "json"), "/api/v1/roles?size=200");
        assertThat(ok("roles", "set-permissions", role, "a:read", "b:write", "-o", "json").json().path("permissions"))
                .hasSize(2);

        String id = register(unique("cli-holder"));
        assertThat(ok("roles", "assign", "-o", "json", "--", id, role).json().path("roles").get(0).asText())
                .isEqualTo(role);
        assertThat(ok("roles", "unassign", "-o", "json", "--", id, role).json().path("roles")).isEmpty();

        Cli.Run refused = cli.run("roles", "delete", role);
        assertThat(refused.exit()).as("usage: a role deletion needs --force").isEqualTo(2);
        ok("roles", "delete", role, "--force");
        TokenEndpointTest.waitUntil(() -> admin.send("GET", "/api/v1/roles/" + role, null).status() == 404,
                Duration.ofSeconds(10));
    }

    @Test
    void keysTokensAuditProjections(@TempDir Path dir) throws IOException {
        String id = register(unique("cli-audit"));
        assertSameAsApi(ok("keys", "list", "-o", "json"), "/api/v1/signing-keys");
        assertSameAsApi(ok("tokens", "events", "--limit", "10", "-o", "json", "--", id),
                "/api/v1/clients/" + id + "/token-events?limit=10");
        assertSameAsApi(ok("audit", "events", "--aggregate-id=" + id, "--type", "client.registered", "-o", "json"),
                "/api/v1/audit/events?aggregateId=" + id + "&type=client.registered");
        assertThat(ok("audit", "events", "--aggregate-id=" + id).out()).contains("client.registered");

        Path export = dir.resolve("audit.ndjson");
        Cli.Run exported = ok("audit", "export", "--file", export.toString(), "--aggregate-id=" + id);
        AdminClient.Answer direct = admin.send("GET", "/api/v1/audit/events?aggregateId=" + id, null,
                "Accept", "application/x-ndjson");
        assertThat(Files.readString(export, StandardCharsets.UTF_8)).isEqualTo(direct.body());
        assertThat(exported.err()).contains("exported 1 events").doesNotContain("\r");

        JsonNode verdict = ok("audit", "verify", "-o", "json").json();
        assertThat(verdict.path("intact").asBoolean()).isTrue();

        JsonNode projections = ok("projections", "status", "-o", "json").json();
        assertThat(projections.path("items")).isNotEmpty();
        String projection = projections.path("items").get(0).path("name").asText();
        assertThat(ok("projections", "replay", projection, "-o", "json").json().path("name").asText())
                .isEqualTo(projection);
        TokenEndpointTest.waitUntil(() -> !ok("projections", "status", projection, "-o", "json").json()
                .path("replaying").asBoolean(), Duration.ofSeconds(60));
        assertThat(ok("keys", "rotate", "-o", "json").json().path("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void auditEvidence_isWrittenWithTheKeysAndVerifiedOffline_andATruncatedFileIsNamed(@TempDir Path dir)
            throws IOException {
        register(unique("cli-evidence"));
        assertThat(admin.send("POST", "/api/v1/audit/checkpoints", null).status()).isIn(200, 201);
        Path evidence = dir.resolve("evidence.ndjson");
        Path keys = dir.resolve("audit-keys.json");
        ok("audit", "evidence", "--file", evidence.toString(), "--keys-file", keys.toString());
        assertThat(JSON.readTree(keys.toFile()).path("keys")).isNotEmpty();

        Cli.Run intact = ok("audit", "verify", "--offline", evidence.toString(), "--keys", keys.toString());
        assertThat(intact.out()).startsWith("INTACT").contains("signed up to position");

        List<String> lines = Files.readAllLines(evidence, StandardCharsets.UTF_8);
        Files.write(dir.resolve("truncated.ndjson"), lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        Cli.Run truncated = cli.run("audit", "verify", "--offline", dir.resolve("truncated.ndjson").toString(),
                "--keys", keys.toString());
        assertThat(truncated.exit()).as(truncated.toString()).isEqualTo(1);
        assertThat(truncated.out()).contains("truncated-export");

        assertThat(cli.run("audit", "verify", "--offline", evidence.toString()).exit()).as("no --keys").isEqualTo(2);
        assertThat(cli.run("audit", "verify", "--offline", dir.resolve("missing.ndjson").toString(),
                "--keys", keys.toString()).exit()).as("an unreadable file").isEqualTo(2);
    }

    @Test
    void kafkaRepublish_whenKafkaIsNotConfigured_thenTheProblemIsPrintedAndTheExitCodeIs1() {
        Cli.Run run = cli.run("kafka", "republish", "--status");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("refused (404)").contains("SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void exitCodes_refusedWithTheProblemPrinted_andUsage() {
        Cli.Run unknown = cli.run("clients", "get", "no-such-client");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("refused (404)");

        Cli.Run invalid = cli.run("clients", "create", "--name", " ", "--show-secret");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("refused (400)").contains("name:");

        // One client id in 64 begins with '-': it is the command's id, not an unknown option; one that begins like
        // an option of the command (-o, -q, -h, -V) goes after '--', and the usage error says so.
        for (String dashed : List.of("-AbCdEfGhIjKlMnOpQrStU", "--AbCdEfGhIjKlMnOpQrSt")) {
            Cli.Run run = cli.run("clients", "get", dashed);
            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("404");
        }
        Cli.Run optionLike = cli.run("clients", "get", "-q1AbCdEfGhIjKlMnOpQrS");
        assertThat(optionLike.exit()).isEqualTo(2);
        assertThat(optionLike.err()).contains("goes after '--'");
        assertThat(cli.run("clients", "get", "--", "-q1AbCdEfGhIjKlMnOpQrS").exit()).isEqualTo(1);
        assertThat(cli.run("clients", "frobnicate").exit()).isEqualTo(2);
        assertThat(cli.run("clients", "get").exit()).as("missing CLIENT_ID").isEqualTo(2);
        assertThat(cli.run("clients", "list", "--size", "ten").exit()).isEqualTo(2);
        assertThat(cli.run("clients").exit()).as("a noun without a verb").isEqualTo(2);
        assertThat(cli.run("clients", "delete", "any").exit()).as("a client deletion needs --force").isEqualTo(2);
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (List<String> command : List.of(List.of("clients", "list"), List.of("clients", "create"),
                List.of("secrets", "rotate-staged"), List.of("roles", "assign"), List.of("audit", "export"),
                List.of("kafka", "republish"), List.of("login"))) {
            Cli.Run help = cli.run(Stream.concat(command.stream(), Stream.of("--help"))
                    .toArray(String[]::new));
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(command.toString()).contains("Usage: keyledger " + String.join(" ", command))
                    .containsPattern("Examples?");
        }
    }

    @Test
    void clientKeysAndFederatedCredentials_everyVerb(@TempDir Path dir) throws Exception {
        String id = register(unique("cli-keys"));
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cli-1").generate();
        Path jwk = Files.writeString(dir.resolve("cli-1.jwk"), key.toPublicJWK().toJSONString());

        JsonNode added = ok("client-keys", "add", "--jwk-file", jwk.toString(), "-o", "json", "--", id).json();
        assertThat(added.path("kid").asText()).isEqualTo("cli-1");
        assertThat(added.path("alg").asText()).isEqualTo("ES256");
        assertThat(cli.run("client-keys", "add", "--jwk-file", dir.resolve("missing.jwk").toString(), "--", id).exit())
                .as("an unreadable file is a usage error").isEqualTo(2);
        assertThat(ok("client-keys", "remove", "-o", "json", "--", id, added.path("keyId").asText()).json()
                .path("keys")).isEmpty();

        JsonNode trusted = ok("federated-credentials", "add", "--issuer", RunningKeyledger.TRUSTED_ISSUER,
                "--subject", "repo:acme/cli:*", "--audience", "https://a.example", "--audience", "https://b.example",
                "-o", "json", "--", id).json();
        assertThat(trusted.path("audiences").toString()).isEqualTo("[\"https://a.example\",\"https://b.example\"]");
        assertThat(trusted.path("subject").asText()).isEqualTo("repo:acme/cli:*");
        assertThat(ok("federated-credentials", "remove", "-o", "json", "--", id, trusted.path("credentialId").asText())
                .json().path("federatedCredentials")).isEmpty();
    }

    private static Cli.Run ok(String... arguments) {
        Cli.Run run = cli.run(arguments);
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    /** A new client, once the read view holds it: the CLI's reads below do not wait for the view. */
    private static String register(String name) {
        String id = admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}").text("clientId");
        assertThat(admin.send("GET", "/api/v1/clients/" + id + "?minVersion=0", null).status()).isEqualTo(200);
        return id;
    }

    /** The CLI's output is the body of the API's answer to the same request, to the byte once parsed. */
    private static void assertSameAsApi(Cli.Run run, String path) {
        JsonNode api = admin.send("GET", path, null).json();
        try {
            assertThat(JSON.readTree(run.out())).as(path).isEqualTo(api);
        } catch (IOException e) {
            throw new AssertionError(run.toString(), e);
        }
    }

    private static String slotOf(JsonNode client, String secretId) {
        for (JsonNode secret : client.path("secrets")) {
            if (secret.path("secretId").asText().equals(secretId)) {
                return secret.path("slot").asText();
            }
        }
        return null;
    }

    private static String secondaryOf(JsonNode client) {
        for (JsonNode secret : client.path("secrets")) {
            if (secret.path("slot").asText().equals("SECONDARY")) {
                return secret.path("secretId").asText();
            }
        }
        throw new AssertionError("no secondary in " + client);
    }
}
