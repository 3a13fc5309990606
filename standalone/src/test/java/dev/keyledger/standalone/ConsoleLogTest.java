package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console log of a real service JVM, in both formats, with the access log on and verbose logging: token requests
 * with secrets (in the body, in Basic, in a query string, wrong ones), a client assertion, introspection and admin
 * calls. No secret, hash, bearer token or assertion appears in any line; each request's correlation id (sent, or
 * made when the sent one is not sane) is returned and carried by the lines written while serving it; with
 * {@code KEYLEDGER_LOG_FORMAT=json} every line is a JSON object.
 */
// Not @KeyledgerService: the log format and levels are the JVM's own, so the service runs in one of its own.
class ConsoleLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_MESSAGE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) \"|Completed [0-9]{3} ");
    private static final Map<String, String> VERBOSE = Map.of(
            "KEYLEDGER_ACCESS_LOG_ENABLED", "true",
            "LOGGING_LEVEL_DEV_KEYLEDGER", "TRACE",
            "LOGGING_LEVEL_ORG_AXONFRAMEWORK", "DEBUG",
            "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB", "DEBUG",
            "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_JDBC_CORE", "TRACE");

    @TempDir
    Path dir;

    @Test
    void whenLogsAreJson_thenEveryLineIsJsonRequestLinesCarryTheirCorrelationIdAndNoSecretAppears() throws Exception {
        Traffic traffic;
        List<String> lines;
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), with("KEYLEDGER_LOG_FORMAT", "json"))) {
            traffic = Traffic.through(service);
            lines = service.stop();
        }

        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("every console line is a JSON object").startsWith("{");
            entries.add(JSON.readTree(line));
        }
        assertNoSecretIn(lines, traffic);
        for (String id : traffic.correlationIds()) {
            assertThat(entries).as("the access line of " + id).anyMatch(entry ->
                    logger(entry).equals("keyledger.access") && id.equals(entry.path("correlationId").asText()));
        }
        // The access lines, and the DispatcherServlet's line at the start and the end of each request (not those of
        // its own initialisation on the first request, which comes before any filter).
        List<JsonNode> servedLines = entries.stream()
                .filter(entry -> logger(entry).equals("keyledger.access")
                        || logger(entry).equals("org.springframework.web.servlet.DispatcherServlet")
                        && REQUEST_MESSAGE.matcher(entry.path("message").asText()).lookingAt())
                .toList();
        assertThat(servedLines).hasSizeGreaterThan(2 * traffic.correlationIds().size())
                .allMatch(entry -> !entry.path("correlationId").asText().isEmpty());
        // Written inside the request by the command's handling, not only by the web edges around it.
        assertThat(entries).anyMatch(entry -> logger(entry).startsWith("org.axonframework.")
                && Traffic.REGISTRATION.equals(entry.path("correlationId").asText()));
        assertThat(entries).as("the access line says what was asked and answered").anyMatch(entry ->
                entry.at("/url/path").asText().equals("/oauth2/token")
                        && entry.at("/http/request/method").asText().equals("POST")
                        && entry.at("/http/response/status_code").asInt() == 200);
    }

    @Test
    void whenLogsArePlain_thenRequestLinesShowTheirCorrelationIdAndNoSecretAppears() {
        Traffic traffic;
        List<String> lines;
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), with("KEYLEDGER_LOG_FORMAT", "plain"))) {
            traffic = Traffic.through(service);
            lines = service.stop();
        }

        assertNoSecretIn(lines, traffic);
        for (String id : traffic.correlationIds()) {
            assertThat(lines).as("the access line of " + id)
                    .anyMatch(line -> line.contains("keyledger.access") && line.contains("[" + id + "]"));
        }
        assertThat(lines).noneMatch(line -> line.startsWith("{"));
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> settings = new HashMap<>(VERBOSE);
        settings.put(name, value);
        return settings;
    }

    private static String logger(JsonNode entry) {
        return entry.at("/log/logger").asText();
    }

    private static void assertNoSecretIn(List<String> lines, Traffic traffic) {
        String all = String.join("\n", lines);
        assertThat(all).contains("keyledger.access"); // the access log did run
        for (String secret : traffic.secrets()) {
            assertThat(all).doesNotContain(secret).doesNotContain(SecretHash.digest(secret).sha256());
        }
        for (String token : traffic.tokens()) {
            assertThat(all).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    /** What a client and an operator send; the secrets, tokens and correlation ids it involved. */
    private record Traffic(List<String> secrets, List<String> tokens, List<String> correlationIds) {

        static final String REGISTRATION = "log-register";

        static Traffic through(ServiceProcess service) {
            List<String> secrets = new ArrayList<>(List.of(RunningKeyledger.ADMIN_SECRET));
            List<String> tokens = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            AdminClient anonymous = new AdminClient(service.baseUri(), null);

            String adminForm = "grant_type=client_credentials&client_id=" + RunningKeyledger.ADMIN_ID
                    + "&client_secret=" + RunningKeyledger.ADMIN_SECRET;
            // The admin's role is projected apart from the admin (another segment): a token from before carries
            // no admin permission, so wait for one that carries them all.
            String adminToken = untilIssued(anonymous, adminForm, "log-admin-token", AdminPermissions.ALL)
                    .text("access_token");
            tokens.add(adminToken);
            ids.add("log-admin-token");
            AdminClient admin = new AdminClient(service.baseUri(), () -> adminToken);

            AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"log-client\"}",
                    "X-Correlation-Id", REGISTRATION);
            assertThat(registered.status()).isEqualTo(201);
            assertThat(registered.header("X-Correlation-Id")).isEqualTo(REGISTRATION);
            ids.add(REGISTRATION);
            String clientId = registered.text("clientId");
            String secret = registered.text("clientSecret");
            secrets.add(secret);

            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            String token = untilIssued(anonymous, "grant_type=client_credentials", "log-basic", List.of(),
                    "Authorization", basic).text("access_token");
            tokens.add(token);
            ids.add("log-basic");

            AdminClient.Answer inQuery = anonymous.form("/oauth2/token?client_id=" + clientId + "&client_secret="
                    + secret, "grant_type=client_credentials", "X-Correlation-Id", "log-query");
            assertThat(inQuery.status()).isEqualTo(400);
            ids.add("log-query");

            String wrong = secret.substring(0, secret.length() - 4) + "AAAA";
            secrets.add(wrong);
            assertThat(anonymous.form("/oauth2/token", "grant_type=client_credentials&client_id=" + clientId
                    + "&client_secret=" + wrong, "X-Correlation-Id", "log-wrong").status()).isEqualTo(401);
            ids.add("log-wrong");

            String assertion = unsignedLookingAssertion(clientId);
            tokens.add(assertion);
            assertThat(anonymous.form("/oauth2/token", "grant_type=client_credentials&client_assertion_type="
                    + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion="
                    + assertion, "X-Correlation-Id", "log-assertion").status()).isEqualTo(401);
            ids.add("log-assertion");

            assertThat(anonymous.form("/oauth2/introspect", "token=" + token, "Authorization", basic,
                    "X-Correlation-Id", "log-introspect").json().get("active").asBoolean()).isTrue();
            ids.add("log-introspect");

            AdminClient.Answer rotated = admin.post("/api/v1/clients/" + clientId + "/secrets/rotate", null,
                    "X-Correlation-Id", "log-rotate");
            assertThat(rotated.status()).isEqualTo(201);
            secrets.add(rotated.text("clientSecret"));
            ids.add("log-rotate");

            assertThat(admin.send("GET", "/api/v1/clients/" + clientId, null, "X-Correlation-Id", "log-read")
                    .status()).isEqualTo(200);
            ids.add("log-read");

            // An id that is not a short token of safe characters is replaced, and the replacement returned.
            AdminClient.Answer replaced = admin.send("GET", "/api/v1/clients/" + clientId, null,
                    "X-Correlation-Id", "<not sane>");
            assertThat(replaced.header("X-Correlation-Id")).isNotEqualTo("<not sane>").hasSize(36);
            ids.add(replaced.header("X-Correlation-Id"));
            return new Traffic(secrets, tokens, ids);
        }

        /**
         * The auth view follows registrations within milliseconds, but the service may have just started; waits for
         * a token that carries every permission of {@code scope}.
         */
        private static AdminClient.Answer untilIssued(AdminClient anonymous, String form, String correlationId,
                                                      Collection<String> scope, String... headers) {
            List<String> all = new ArrayList<>(List.of(headers));
            all.addAll(List.of("X-Correlation-Id", correlationId));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                AdminClient.Answer answer = anonymous.form("/oauth2/token", form, all.toArray(String[]::new));
                String granted = answer.status() == 200 ? answer.text("scope") : null;
                if (answer.status() == 200 && (scope.isEmpty() || granted != null
                        && List.of(granted.split(" ")).containsAll(scope))) {
                    assertThat(answer.header("X-Correlation-Id")).isEqualTo(correlationId);
                    return answer;
                }
                assertThat(System.nanoTime()).as("a token: " + answer.body()).isLessThan(deadline);
                RunningKeyledger.sleep(Duration.ofMillis(50));
            }
        }

        /** A well-formed assertion signed by no registered key: refused, and never to be logged. */
        private static String unsignedLookingAssertion(String clientId) {
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String header = url.encodeToString("{\"alg\":\"ES256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
            String claims = url.encodeToString(("{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId
                    + "\",\"aud\":\"x\",\"exp\":4102444800,\"jti\":\"log-jti\"}").getBytes(StandardCharsets.UTF_8));
            return header + "." + claims + "." + url.encodeToString(new byte[64]).replace('A', 'Q');
        }
    }
}
