package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.standalone.OpenApiContract.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/openapi.json} (API.md §5) over real HTTP: real requests and answers of the admin API validate
 * against the document, every admin route of our controllers is in it with its permission and nothing else is, and
 * springdoc's own routes are unknown.
 */
@KeyledgerService
class OpenApiDocumentTest {

    private static final String DOCUMENT = "/api/v1/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningKeyledger keyledger;
    private static OpenApiContract contract;

    private final List<Exchange> exchanges = new ArrayList<>();

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        AdminClient.Answer answer = keyledger.anonymous().send("GET", DOCUMENT, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        contract = new OpenApiContract(answer.body());
    }

    @Test
    void theDocumentIsOpenApi31AndNeedsNoToken() {
        JsonNode document = contract.document();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/Problem/properties/errors/type").asText()).isEqualTo("array");
        JsonNode register = document.at("/paths/~1api~1v1~1clients/post");
        assertThat(register.path("x-keyledger-permission").asText()).isEqualTo("keyledger:clients:write");
        assertThat(register.at("/security/0/bearer/0").asText()).isEqualTo("keyledger:clients:write");
        assertThat(register.at("/responses/201/headers/ETag/required").asBoolean()).isTrue();
        assertThat(register.at("/responses/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(parameterNames(register)).contains("Idempotency-Key");
        JsonNode patch = document.at("/paths/~1api~1v1~1clients~1{clientId}/patch");
        assertThat(parameterNames(patch)).contains("If-Match", "clientId");
        assertThat(patch.path("responses").has("412")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1openapi.json/get/security")).isEmpty();
    }

    /**
     * The proxy of the topology serves the whole API's document as a file (docs/DECISIONS.md 76): it must be this
     * one. When a route changes on purpose, the fresh document is left in target/ to be copied over the file.
     */
    @Test
    void theDocumentTheProxyServesIsTheOneThisServiceServes() throws IOException {
        Path committed = Path.of("..", "deploy", "openapi", "keyledger-admin-api.json");
        Path fresh = Path.of("target", "keyledger-admin-api.json");
        Files.writeString(fresh, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(contract.document()) + "\n");
        assertThat(JSON.readTree(committed.toFile()).equals(contract.document()))
                .as("deploy/openapi/keyledger-admin-api.json is not the document served; if the change is meant: "
                        + "cp standalone/target/keyledger-admin-api.json deploy/openapi/")
                .isTrue();
    }

    @Test
    void whenTheAdminApiIsUsed_thenEveryRequestAndAnswerIsAsTheDocumentSays() {
        AdminClient admin = keyledger.admin();
        String role = UniqueNames.unique("openapi-role");
        AdminClient.Answer created = expect(call(admin, "POST", "/api/v1/roles",
                "{\"name\":\"" + role + "\",\"description\":\"documented\",\"permissions\":[\"orders:read\"]}"), 201);
        expect(call(admin, "POST", "/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[]}"), 409);
        expect(call(admin, "GET", "/api/v1/roles?page=0&size=5", null), 200);
        // The read waits for the view to hold the write (on a loaded machine it may lag the answer).
        AdminClient.Answer roleRead = expect(call(admin, "GET", "/api/v1/roles/" + role + "?minVersion="
                + created.version(), null), 200);
        expect(call(admin, "PUT", "/api/v1/roles/" + role + "/permissions",
                "{\"permissions\":[\"orders:read\",\"orders:write\"]}", "If-Match", roleRead.header("ETag")), 200);

        String registration = "{\"name\":\"documented\",\"roles\":[\"" + role + "\"],\"accessTokenTtlSeconds\":600,"
                + "\"allowedAudiences\":[\"https://api.example.com\"]}";
        String key = UniqueNames.unique("openapi-key");
        AdminClient.Answer registered = expect(call(admin, "POST", "/api/v1/clients", registration,
                "Idempotency-Key", key), 201);
        expect(call(admin, "POST", "/api/v1/clients", registration, "Idempotency-Key", key), 201);
        expect(call(admin, "POST", "/api/v1/clients", "{\"name\":\"other\"}", "Idempotency-Key", key), 422);
        expect(call(admin, "POST", "/api/v1/clients", "{\"name\":\"\",\"secrets\":[]}"), 400);
        String client = "/api/v1/clients/" + registered.text("clientId");

        AdminClient.Answer read = expect(call(admin, "GET", client + "?minVersion=" + registered.version(), null), 200);
        expect(call(admin, "GET", client + "?asOf=" + read.text("createdAt"), null), 200);
        expect(call(admin, "GET", "/api/v1/clients?status=ACTIVE&role=" + role + "&q=DOCU&page=0&size=10", null), 200);
        expect(call(admin, "GET", "/api/v1/clients?size=500", null), 400);
        expect(call(admin, "GET", "/api/v1/clients/no-such-client", null), 404);
        expect(call(admin, "PATCH", client, "{\"description\":\"changed\",\"accessTokenTtlSeconds\":900}",
                "If-Match", read.header("ETag")), 200);
        expect(call(admin, "PATCH", client, "{\"name\":\"stale\"}", "If-Match", read.header("ETag")), 412);
        expect(call(admin, "PATCH", client, "{\"nmae\":\"typo\"}"), 400);
        expect(call(admin, "PATCH", client, "{\"description\":null}"), 200);

        AdminClient.Answer secondary = expect(call(admin, "POST", client + "/secrets",
                "{\"expiresAt\":\"2099-01-01T00:00:00Z\"}"), 201);
        expect(call(admin, "POST", client + "/secrets", null), 409);
        AdminClient.Answer promoted = expect(call(admin, "POST",
                client + "/secrets/" + secondary.text("secretId") + "/promote", null), 200);
        expect(call(admin, "DELETE", client + "/secrets/" + secretIn(promoted.json(), "SECONDARY") + "?force=true",
                null), 200);
        AdminClient.Answer rotated = expect(call(admin, "POST", client + "/secrets/rotate", null), 201);
        expect(call(admin, "DELETE", client + "/secrets/" + secretIn(rotated.json().path("client"), "PRIMARY"),
                null), 409);
        expect(call(admin, "PUT", client + "/roles/" + role, null), 200);
        expect(call(admin, "DELETE", client + "/roles/" + role, null), 200);
        expect(call(admin, "PUT", client + "/roles/no-such-role", null), 404);
        expect(call(admin, "POST", client + "/disable", null), 200);
        expect(call(admin, "POST", client + "/enable", null), 200);

        expect(call(admin, "GET", client + "/events", null), 200);
        expect(call(admin, "GET", client + "/token-events?after=0&limit=10", null), 200);
        expect(call(admin, "GET", "/api/v1/roles/" + role + "/events", null), 200);
        expect(call(admin, "GET", "/api/v1/audit/events?limit=5&type=client.registered&aggregateId="
                + registered.text("clientId"), null), 200);
        expect(call(admin, "GET", "/api/v1/audit/events?aggregateId=" + registered.text("clientId"), null,
                "Accept", "application/x-ndjson"), 200);
        expect(call(admin, "GET", "/api/v1/audit/events?limit=0", null), 400);
        expect(call(admin, "GET", "/api/v1/audit/verify", null), 200);
        AdminClient.Answer checkpoint = call(admin, "POST", "/api/v1/audit/checkpoints", null);
        assertThat(checkpoint.status()).isIn(200, 201);
        expect(call(admin, "GET", "/api/v1/audit/checkpoints?after=0&limit=2", null), 200);
        expect(call(admin, "GET", "/api/v1/audit/checkpoints?limit=0", null), 400);
        expect(call(admin, "GET", "/api/v1/audit/evidence?from=1&to=3", null), 200);
        expect(call(admin, "GET", "/api/v1/audit/evidence?from=3&to=3", null), 400);
        expect(call(admin, "GET", "/api/v1/signing-keys", null), 200);
        expect(call(admin, "GET", "/api/v1/projections", null), 200);

        expect(call(admin, "DELETE", client, null), 200);
        expect(call(admin, "POST", client + "/disable", null), 409);
        expect(call(admin, "DELETE", "/api/v1/roles/" + role, null), 204);
        expect(call(keyledger.anonymous(), "GET", "/api/v1/clients", null), 401);
        expect(call(lackingEveryPermission(admin), "GET", "/api/v1/clients", null), 403);
        expect(call(keyledger.anonymous(), "GET", DOCUMENT, null), 200);

        List<String> violations = new ArrayList<>();
        exchanges.forEach(exchange -> violations.addAll(contract.violations(exchange)));
        assertThat(violations).isEmpty();
        Set<String> operations = new TreeSet<>();
        exchanges.forEach(exchange -> operations.add(exchange.method() + " "
                + contract.template(exchange.target().split("\\?")[0], exchange.method()).orElseThrow()));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(25);
    }

    /** The check itself must be able to fail: each changed exchange is one the document does not allow. */
    @Test
    void whenAnExchangeDiffersFromTheDocument_thenTheCheckSaysWhat() {
        AdminClient admin = keyledger.admin();
        String registration = "{\"name\":\"checked\"}";
        AdminClient.Answer registered = expect(admin.post("/api/v1/clients", registration), 201);
        Exchange register = Exchange.of("POST", "/api/v1/clients", registration, List.of(), registered);
        assertThat(contract.violations(register)).isEmpty();
        String clientPath = "/api/v1/clients/" + registered.text("clientId");
        String freshRead = clientPath + "?minVersion=" + registered.version(); // the view may lag the answer
        Exchange read = Exchange.of("GET", freshRead, null, List.of(),
                expect(admin.send("GET", freshRead, null), 200));
        assertThat(contract.violations(read)).isEmpty();

        assertThat(contract.violations(register.withRequestBody("{\"name\":\"checked\",\"colour\":\"red\"}")))
                .anySatisfy(fault -> assertThat(fault).contains("request body").contains("colour"));
        assertThat(contract.violations(register.withRequestBody("{\"name\":\"checked\",\"roles\":\"admin\"}")))
                .anySatisfy(fault -> assertThat(fault).contains("request body").contains("roles"));
        assertThat(contract.violations(read.withAnswer(200, "ETag", null, read.answerBody())))
                .anySatisfy(fault -> assertThat(fault).contains("lacks the declared header ETag"));
        assertThat(contract.violations(read.withAnswer(200, "X-Other", "1",
                read.answerBody().replace("\"version\":", "\"revision\":"))))
                .anySatisfy(fault -> assertThat(fault).contains("version"));
        assertThat(contract.violations(read.withAnswer(200, "X-Other", "1",
                read.answerBody().replace("\"status\":\"ACTIVE\"", "\"status\":\"SUSPENDED\""))))
                .anySatisfy(fault -> assertThat(fault).contains("status"));
        assertThat(contract.violations(read.withAnswer(418, "X-Other", "1", read.answerBody())))
                .anySatisfy(fault -> assertThat(fault).contains("status 418 is not declared"));
        assertThat(contract.violations(read.withAnswer(404, "Content-Type", "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404}")))
                .anySatisfy(fault -> assertThat(fault).contains("type"));
        Exchange unknownParameter = new Exchange("GET", clientPath + "?colour=red", null, List.of(), read.status(),
                read.answerHeaders(), read.answerBody());
        assertThat(contract.violations(unknownParameter))
                .anySatisfy(fault -> assertThat(fault).contains("query parameter colour is not declared"));
    }

    @Test
    void everyAdminRouteOfOurControllersIsDocumentedWithItsPermissionAndNothingElseIs() {
        Map<String, String> routes = adminRoutes();
        Map<String, String> documented = documentedOperations(contract.document());
        assertThat(routeDifferences(routes, documented)).isEmpty();
        assertThat(routes).hasSizeGreaterThan(25);

        // The comparison fails both ways: a route the document lacks, an operation no route serves, a permission.
        Map<String, String> lacking = new TreeMap<>(documented);
        lacking.remove("POST /api/v1/clients/{clientId}/disable");
        assertThat(routeDifferences(routes, lacking))
                .containsExactly("undocumented route POST /api/v1/clients/{clientId}/disable");
        Map<String, String> extra = new TreeMap<>(documented);
        extra.put("GET /api/v1/nowhere", "keyledger:clients:read");
        assertThat(routeDifferences(routes, extra)).containsExactly("documented, no route: GET /api/v1/nowhere");
        Map<String, String> wrong = new TreeMap<>(documented);
        wrong.put("GET /api/v1/clients", "keyledger:audit:read");
        assertThat(routeDifferences(routes, wrong)).hasSize(1);
    }

    @Test
    void springdocsOwnRoutesAreUnknownLikeAnyOther() {
        AdminClient.Answer unknown = keyledger.anonymous().send("GET", "/no-such-route", null);
        assertThat(unknown.status()).isEqualTo(404);
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/api/v1/openapi.json.yaml")) {
            for (AdminClient client : List.of(keyledger.anonymous(), keyledger.admin())) {
                AdminClient.Answer answer = client.send("GET", path, null);
                assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(unknown.status());
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
        }
    }

    /** Our controllers' routes under /api, as "METHOD template", each with its permission ("" when public). */
    private static Map<String, String> adminRoutes() {
        Map<String, String> routes = new TreeMap<>();
        Map<RequestMappingInfo, HandlerMethod> handlers = keyledger.bean(RequestMappingHandlerMapping.class)
                .getHandlerMethods();
        handlers.forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.keyledger")) {
                return;
            }
            RequiresPermission required = handler.getMethodAnnotation(RequiresPermission.class);
            String permission = required != null ? required.value()
                    : handler.hasMethodAnnotation(PublicEndpoint.class) ? "" : "undeclared";
            for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                        routes.put(method.name() + " " + pattern, permission);
                    }
                }
            }
        });
        return routes;
    }

    private static Map<String, String> documentedOperations(JsonNode document) {
        Map<String, String> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        operation.getValue().path("x-keyledger-permission").asText(""))));
        return operations;
    }

    private static List<String> routeDifferences(Map<String, String> routes, Map<String, String> documented) {
        List<String> differences = new ArrayList<>();
        routes.forEach((route, permission) -> {
            if (!documented.containsKey(route)) {
                differences.add("undocumented route " + route);
            } else if (!documented.get(route).equals(permission)) {
                differences.add(route + " needs " + permission + ", documented " + documented.get(route));
            }
        });
        documented.keySet().stream().filter(operation -> !routes.containsKey(operation))
                .forEach(operation -> differences.add("documented, no route: " + operation));
        return differences;
    }

    private AdminClient.Answer call(AdminClient client, String method, String target, String json,
                                    String... headers) {
        AdminClient.Answer answer = client.send(method, target, json, headers);
        exchanges.add(Exchange.of(method, target, json, List.of(headers), answer));
        return answer;
    }

    private static AdminClient.Answer expect(AdminClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private static String secretIn(JsonNode client, String slot) {
        for (JsonNode secret : client.path("secrets")) {
            if (slot.equals(secret.path("slot").asText())) {
                return secret.path("secretId").asText();
            }
        }
        throw new AssertionError("no " + slot + " secret in " + client);
    }

    private static AdminClient lackingEveryPermission(AdminClient admin) {
        AdminClient.Answer client = expect(admin.post("/api/v1/clients", "{\"name\":\"no permissions\"}"), 201);
        String token = keyledger.tokenFor(client.text("clientId"), client.text("clientSecret"));
        return new AdminClient(keyledger.baseUri(), () -> token);
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }
}
