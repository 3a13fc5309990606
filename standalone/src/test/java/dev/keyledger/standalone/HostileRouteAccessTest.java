package dev.keyledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.keyledger.infrastructure.access.AdminAccessCheck;
import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.infrastructure.hostile.PathSpellings;
import dev.keyledger.infrastructure.hostile.RawHttp;
import dev.keyledger.kernel.audit.AdminPermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin route, as an attacker would try it: under every spelling {@link PathSpellings} knows, with no token,
 * with the token of a client holding no permission, and with admin tokens lacking exactly the permission the route
 * needs. Never a 2xx, never a 5xx, nothing written. The routes are read from Spring MVC itself, so a new handler is
 * attacked the day it is added, and a handler that declares no access rule fails the build.
 */
@Tag("hostile")
@KeyledgerService
class HostileRouteAccessTest {

    private static RunningKeyledger keyledger;
    private static String targetClient;
    private static String targetSecret;
    private static String targetKey;
    private static String targetCredential;
    private static String noPermissionToken;
    private static final Map<String, String> tokensLacking = new HashMap<>();

    /** A route with its variables filled in, and the body that would do harm if it got through. */
    record Route(String method, String path, String permission, String body) {
    }

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        AdminClient admin = keyledger.admin();
        admin.post("/api/v1/roles", "{\"name\":\"victim-role\",\"permissions\":[\"invoices:read\"]}");
        AdminClient.Answer target = admin.post("/api/v1/clients", "{\"name\":\"target\"}");
        targetClient = target.text("clientId");
        targetSecret = admin.post("/api/v1/clients/" + targetClient + "/secrets", "{}").text("secretId");
        targetKey = admin.post("/api/v1/clients/" + targetClient + "/keys", publicKeyBody()).text("keyId");
        targetCredential = admin.post("/api/v1/clients/" + targetClient + "/federated-credentials",
                federatedCredentialBody("victim-workload")).text("credentialId");
        AdminClient.Answer nobody = admin.post("/api/v1/clients", "{\"name\":\"nobody\"}");
        noPermissionToken = keyledger.tokenFor(nobody.text("clientId"), nobody.text("clientSecret"));
        for (String lacking : AdminPermissions.ALL) {
            List<String> held = new ArrayList<>(AdminPermissions.ALL);
            held.remove(lacking);
            String role = "all-but-" + lacking.replace(':', '-');
            admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":" + json(held) + "}");
            AdminClient.Answer client = admin.post("/api/v1/clients",
                    "{\"name\":\"" + role + "\",\"roles\":[\"" + role + "\"]}");
            tokensLacking.put(lacking, keyledger.tokenHolding(client.text("clientId"), client.text("clientSecret"),
                    held));
        }
    }

    @Test
    void everyHandlerDeclaresItsAccessRule() {
        Map<RequestMappingInfo, HandlerMethod> handlers = keyledger.bean(RequestMappingHandlerMapping.class)
                .getHandlerMethods();
        List<String> undeclared = new ArrayList<>();
        handlers.forEach((mapping, handler) -> {
            boolean ours = handler.getBeanType().getPackageName().startsWith("dev.keyledger");
            boolean declared = handler.hasMethodAnnotation(RequiresPermission.class)
                    ^ handler.hasMethodAnnotation(PublicEndpoint.class);
            if (ours && !declared) {
                undeclared.add(mapping + " " + handler.getShortLogMessage());
            }
        });
        assertThat(undeclared).as("handlers with no (or two) access rules").isEmpty();
        assertThat(routes()).hasSizeGreaterThan(25);
    }

    @Test
    void whenAHandlerDeclaresNoRule_thenItIsRefused() {
        // Spring Boot's error controller declares nothing: called directly, it must not answer.
        for (String token : new String[]{null, keyledger.newAdminToken()}) {
            RawHttp.Answer answer = token == null
                    ? RawHttp.send(keyledger.port(), "GET", "/error", null)
                    : RawHttp.send(keyledger.port(), "GET", "/error", null, "Authorization", "Bearer " + token);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        }
    }

    @Test
    void whenAnyRouteIsCalledUnderAnySpellingWithoutItsPermission_thenNeverSuccessNeverAServerErrorNothingWritten() {
        long eventsBefore = keyledger.eventCount();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Route route : routes()) {
            List<String> spellings = new ArrayList<>(PathSpellings.of(route.path()));
            spellings.add(0, route.path());
            for (String spelling : spellings) {
                for (String token : new String[]{null, noPermissionToken, tokensLacking.get(route.permission())}) {
                    RawHttp.Answer answer = token == null
                            ? RawHttp.send(keyledger.port(), route.method(), spelling, route.body())
                            : RawHttp.send(keyledger.port(), route.method(), spelling, route.body(),
                            "Authorization", "Bearer " + token);
                    requests++;
                    if (answer.status() < 400 || answer.status() >= 500
                            || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        failures.add(route.method() + " " + spelling + (token == null ? " (no token)" : "")
                                + " -> " + answer);
                    }
                }
            }
        }
        assertThat(failures).as("answers other than a 4xx problem, of %d requests", requests).isEmpty();
        assertThat(keyledger.eventCount()).as("events written").isEqualTo(eventsBefore);
    }

    @Test
    void whenARouteIsCalledWithAnotherMethod_thenNeverSuccessNeverAServerError() {
        List<String> failures = new ArrayList<>();
        for (String path : routes().stream().map(Route::path).distinct().toList()) {
            for (String method : new String[]{"OPTIONS", "TRACE", "HEAD", "PROPFIND", "GET", "PATCH"}) {
                for (String token : new String[]{null, noPermissionToken}) {
                    RawHttp.Answer answer = token == null
                            ? RawHttp.send(keyledger.port(), method, path, null)
                            : RawHttp.send(keyledger.port(), method, path, null, "Authorization", "Bearer " + token);
                    if (answer.status() < 400 || answer.status() >= 500) {
                        failures.add(method + " " + path + (token == null ? " (no token)" : "") + " -> " + answer);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void whenAnyRouteIsCalledWithAForgedOrMalformedToken_thenUnauthorizedAndNothingWritten() {
        long eventsBefore = keyledger.eventCount();
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (String token : forgedTokens(keyledger.newAdminToken())) {
                RawHttp.Answer answer = RawHttp.send(keyledger.port(), route.method(), route.path(), route.body(),
                        "Authorization", "Bearer " + token);
                if (answer.status() != 401
                        || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                    failures.add(route.method() + " " + route.path() + " with " + abbreviated(token) + " -> " + answer);
                }
            }
        }
        assertThat(failures).as("answers other than a 401 problem").isEmpty();
        assertThat(keyledger.eventCount()).as("events written").isEqualTo(eventsBefore);
    }

    @Test
    void whenAnyRouteGetsRepeatedParametersOrAnOversizedBody_thenNeverAServerErrorAndNothingWritten() {
        String admin = keyledger.newAdminToken();
        long eventsBefore = keyledger.eventCount();
        String repeated = "?page=0&page=1&size=1&size=2&after=1&after=x&limit=1&limit=2&asOf=2026-01-01T00:00:00Z"
                + "&asOf=now&minVersion=1&minVersion=2&force=true&force=false&q=a&q=b&status=ACTIVE&status=DELETED";
        // Four times the 64 KiB limit, and below what Tomcat swallows unread, so the answer arrives before a reset.
        String oversized = "{\"name\":\"" + "x".repeat(256 << 10) + "\"}";
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            boolean read = route.method().equals("GET");
            // Writes get the oversized body only: repeated parameters on a valid write could succeed, and a write
            // that succeeds is not what this test is about.
            RawHttp.Answer answer = read
                    ? RawHttp.send(keyledger.port(), "GET", route.path() + repeated, null,
                    "Authorization", "Bearer " + admin)
                    : RawHttp.send(keyledger.port(), route.method(), route.path() + repeated, oversized,
                    "Authorization", "Bearer " + admin);
            if (answer.status() >= 500 || !read && answer.status() < 400) {
                failures.add(route.method() + " " + route.path() + " -> " + answer.status());
            }
        }
        assertThat(failures).as("server errors, or writes that took an oversized body").isEmpty();
        assertThat(keyledger.eventCount()).as("events written").isEqualTo(eventsBefore);
    }

    /** A genuine admin token of ours, spoiled the ways an attacker would: each claims every admin permission. */
    private static List<String> forgedTokens(String genuine) {
        String[] parts = genuine.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = new String(decoder.decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        String unsigned = encoder.encodeToString(header.replaceFirst("\"alg\":\"[^\"]+\"", "\"alg\":\"none\"")
                .getBytes(StandardCharsets.UTF_8));
        String otherCaller = encoder.encodeToString(claims.replace(RunningKeyledger.ADMIN_ID, targetClient)
                .getBytes(StandardCharsets.UTF_8));
        String noKid = encoder.encodeToString(header.replaceFirst(",?\"kid\":\"[^\"]+\"", "")
                .getBytes(StandardCharsets.UTF_8));
        return List.of(
                unsigned + "." + parts[1] + ".",
                parts[0] + "." + otherCaller + "." + parts[2],
                noKid + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse(),
                parts[0] + "." + parts[1],
                parts[0] + "." + parts[1] + "." + parts[2] + ".x.y",
                "not-a-token",
                genuine + "x".repeat(6_000));
    }

    private static String abbreviated(String token) {
        return token.length() <= 60 ? token : token.substring(0, 60) + "...";
    }

    @Test
    void whenTheCallerHoldsThePermission_thenTheCanonicalSpellingWorksAndNoOtherDoes() {
        String admin = keyledger.newAdminToken();
        assertThat(RawHttp.send(keyledger.port(), "GET", "/api/v1/clients", null, "Authorization", "Bearer " + admin)
                .status()).isEqualTo(200);
        for (String spelling : PathSpellings.of("/api/v1/clients")) {
            RawHttp.Answer answer = RawHttp.send(keyledger.port(), "GET", spelling, null,
                    "Authorization", "Bearer " + admin);
            assertThat(answer.status()).as(spelling + " -> " + answer).isBetween(400, 499);
        }
    }

    @Test
    void whenAPublicRouteIsCalledUnderAnotherSpellingMethodTokenOrQuery_thenOnlyItsOwnRequestServesAndNothingFails() {
        List<String> failures = new ArrayList<>();
        List<String> routes = publicReadRoutes();
        for (String path : routes) {
            // The nodes' signed admin check is public too, but answers only a request carrying its headers.
            boolean serves = !path.equals(AdminAccessCheck.PATH);
            RawHttp.Answer plain = RawHttp.send(keyledger.port(), "GET", path, null);
            if (serves ? plain.status() >= 400 : plain.status() < 400 || plain.status() >= 500) {
                failures.add("GET " + path + " -> " + plain);
            }
            // Another spelling that is itself a route (/console beside /console/) is that route's own request.
            for (String spelling : PathSpellings.of(path).stream().filter(other -> !routes.contains(other)).toList()) {
                RawHttp.Answer answer = RawHttp.send(keyledger.port(), "GET", spelling, null);
                if (answer.status() < 400 || answer.status() >= 500) {
                    failures.add("GET " + spelling + " -> " + answer);
                }
            }
            for (String method : new String[]{"POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"}) {
                RawHttp.Answer answer = RawHttp.send(keyledger.port(), method, path, "{}");
                if (answer.status() < 400 || answer.status() >= 500) {
                    failures.add(method + " " + path + " -> " + answer);
                }
            }
            // A public route ignores credentials, forged or not, and parameters it does not read.
            for (String token : forgedTokens(keyledger.newAdminToken())) {
                RawHttp.Answer answer = RawHttp.send(keyledger.port(), "GET", path, null,
                        "Authorization", "Bearer " + token);
                if (serves ? answer.status() >= 400 : answer.status() < 400 || answer.status() >= 500) {
                    failures.add("GET " + path + " with " + abbreviated(token) + " -> " + answer);
                }
            }
            RawHttp.Answer repeated = RawHttp.send(keyledger.port(), "GET",
                    path + "?x=1&x=2&" + "y=".repeat(500) + "&z=" + "z".repeat(6_000), null);
            if (repeated.status() >= 500) {
                failures.add("GET " + path + " with repeated and long parameters -> " + repeated);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Every public GET route (the key sets, metadata, the API document, the console), path variables filled. */
    private static List<String> publicReadRoutes() {
        List<String> paths = new ArrayList<>();
        keyledger.bean(RequestMappingHandlerMapping.class).getHandlerMethods().forEach((mapping, handler) -> {
            boolean get = mapping.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
            if (!handler.hasMethodAnnotation(PublicEndpoint.class) || !get) {
                return;
            }
            for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                String path = pattern.replace("{name}", "console.css");
                assertThat(path).as("a path variable this test does not know").doesNotContain("{");
                paths.add(path);
            }
        });
        assertThat(paths).contains("/.well-known/keyledger-audit-keys.json", "/console/", "/api/v1/openapi.json");
        return paths;
    }

    /** Every admin route Spring MVC knows, its path variables filled in with things that exist. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        keyledger.bean(RequestMappingHandlerMapping.class).getHandlerMethods().forEach((mapping, handler) -> {
            RequiresPermission required = handler.getMethodAnnotation(RequiresPermission.class);
            if (required == null) {
                return;
            }
            for (String pattern : mapping.getPathPatternsCondition().getPatternValues()) {
                String path = pattern.replace("{clientId}", targetClient).replace("{secretId}", targetSecret)
                        .replace("{keyId}", targetKey)
                        .replace("{credentialId}", targetCredential)
                        .replace("{roleName}", "victim-role").replace("{name}", "query-views");
                assertThat(path).as("a path variable this test does not know").doesNotContain("{");
                for (var method : mapping.getMethodsCondition().getMethods()) {
                    routes.add(new Route(method.name(), path, required.value(), harmfulBody(method.name(), path)));
                }
            }
        });
        return routes;
    }

    private static String harmfulBody(String method, String path) {
        if (path.equals("/api/v1/clients") && method.equals("POST")) {
            return "{\"name\":\"evil\",\"roles\":[\"all-but-keyledger-tokens-introspect\"]}";
        }
        if (path.equals("/api/v1/roles") && method.equals("POST")) {
            return "{\"name\":\"evil\",\"permissions\":" + json(AdminPermissions.ALL) + "}";
        }
        if (path.endsWith("/permissions")) {
            return "{\"permissions\":" + json(AdminPermissions.ALL) + "}";
        }
        if (method.equals("PATCH")) {
            return "{\"name\":\"evil\"}";
        }
        if (path.endsWith("/federated-credentials")) {
            return federatedCredentialBody("evil-workload");
        }
        if (path.endsWith("/keys")) {
            return publicKeyBody();
        }
        if (path.endsWith("/republish")) {
            return "{\"fromPosition\":0}";
        }
        return method.equals("POST") ? "{}" : null;
    }

    /** A public key that a write getting through would register: a harmful body for the key route. */
    private static String publicKeyBody() {
        try {
            return "{\"jwk\":" + new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString() + "}";
        } catch (JOSEException e) {
            throw new IllegalStateException("an EC P-256 key could not be generated", e);
        }
    }

    private static String federatedCredentialBody(String subject) {
        return "{\"issuer\":\"" + RunningKeyledger.TRUSTED_ISSUER + "\",\"subject\":\"" + subject
                + "\",\"audiences\":[\"https://keyledger.example\"]}";
    }

    private static String json(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString();
    }
}
