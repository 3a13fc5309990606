package dev.keyledger.system;

import dev.keyledger.infrastructure.hostile.PathSpellings;
import dev.keyledger.infrastructure.hostile.RawHttp;
import dev.keyledger.kernel.audit.AdminPermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin routes of every side, attacked through the proxy of the distributed topology and straight at the nodes:
 * other spellings of each path, no token, the token of a client with no permission, admin tokens lacking exactly
 * the needed permission. Never a 2xx, never a 5xx, always a problem document, nothing written.
 */
@Tag("hostile")
@ExtendWith(Topology.class)
class HostileRoutesThroughProxyTest {

    private static String victim;
    private static String noPermissionToken;
    private static final Map<String, String> tokensLacking = new HashMap<>();

    record Route(String method, String path, String permission, String body) {
    }

    @BeforeAll
    static void prepare() {
        KeyledgerApi admin = KeyledgerApi.admin();
        admin.post("/api/v1/roles", Map.of("name", "victim-role", "permissions", List.of("invoices:read")))
                .expect(201);
        victim = admin.register("victim").text("clientId");
        noPermissionToken = tokenOf(admin.register("nobody"), List.of());
        for (String lacking : AdminPermissions.ALL) {
            List<String> held = new ArrayList<>(AdminPermissions.ALL);
            held.remove(lacking);
            String role = "all-but-" + lacking.replace(':', '-');
            admin.post("/api/v1/roles", Map.of("name", role, "permissions", held)).expect(201);
            KeyledgerApi.Answer client = admin.post("/api/v1/clients", Map.of("name", role, "roles", List.of(role)))
                    .expect(201);
            tokensLacking.put(lacking, tokenOf(client, held));
        }
    }

    @Test
    void whenAdminRoutesAreSpelledAnotherWayOrCalledWithoutThePermission_thenTheyAreRefusedAndNothingIsWritten() {
        long eventsBefore = auditEvents();
        List<String> failures = new ArrayList<>();
        URI proxy = Topology.proxy();
        for (Route route : routes()) {
            List<String> spellings = new ArrayList<>(PathSpellings.of(route.path()));
            spellings.add(0, route.path());
            for (String spelling : spellings) {
                for (String token : new String[]{null, noPermissionToken, tokensLacking.get(route.permission())}) {
                    RawHttp.Answer answer = token == null
                            ? RawHttp.send(proxy.getPort(), route.method(), spelling, route.body())
                            : RawHttp.send(proxy.getPort(), route.method(), spelling, route.body(),
                            "Authorization", "Bearer " + token);
                    if (answer.status() < 400 || answer.status() >= 500
                            || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        failures.add(route.method() + " " + spelling + (token == null ? " (no token)" : "")
                                + " -> " + answer);
                    }
                }
            }
        }
        assertThat(failures).as("answers other than a 4xx problem").isEmpty();
        assertThat(auditEvents()).as("events written").isEqualTo(eventsBefore);
    }

    @Test
    void whenANodeIsCalledStraightWithAnotherSpelling_thenItRefusesItItself() {
        String admin = tokenOf(null, AdminPermissions.ALL);
        for (URI node : List.of(Topology.commandNode(), Topology.queryNodes().get(0), Topology.tokenNodes().get(0))) {
            for (String spelling : List.of("/api/v1/clients;x", "/api/v1/%63lients", "/api//v1/clients",
                    "/api/v1/x/../clients", "/internal/v1/admin-access;x")) {
                RawHttp.Answer answer = RawHttp.send(node.getPort(), "GET", spelling, null,
                        "Authorization", "Bearer " + admin);
                assertThat(answer.status()).as(node + spelling + " -> " + answer).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    private static List<Route> routes() {
        String client = "/api/v1/clients/" + victim;
        return List.of(
                new Route("POST", "/api/v1/clients", AdminPermissions.CLIENTS_WRITE,
                        "{\"name\":\"evil\",\"roles\":[\"all-but-keyledger-tokens-introspect\"]}"),
                new Route("PATCH", client, AdminPermissions.CLIENTS_WRITE, "{\"name\":\"evil\"}"),
                new Route("POST", client + "/secrets/rotate", AdminPermissions.CLIENTS_WRITE, "{}"),
                new Route("PUT", client + "/roles/victim-role", AdminPermissions.CLIENTS_WRITE, null),
                new Route("DELETE", client, AdminPermissions.CLIENTS_WRITE, null),
                new Route("POST", "/api/v1/roles", AdminPermissions.ROLES_WRITE,
                        "{\"name\":\"evil\",\"permissions\":[\"keyledger:clients:write\"]}"),
                new Route("PUT", "/api/v1/roles/victim-role/permissions", AdminPermissions.ROLES_WRITE,
                        "{\"permissions\":[\"keyledger:clients:write\"]}"),
                new Route("POST", "/api/v1/signing-keys/rotate", AdminPermissions.KEYS_WRITE, null),
                new Route("GET", "/api/v1/clients", AdminPermissions.CLIENTS_READ, null),
                new Route("GET", client, AdminPermissions.CLIENTS_READ, null),
                new Route("GET", "/api/v1/roles", AdminPermissions.ROLES_READ, null),
                new Route("GET", client + "/events", AdminPermissions.AUDIT_READ, null),
                new Route("GET", client + "/token-events", AdminPermissions.AUDIT_READ, null),
                new Route("GET", "/api/v1/audit/events", AdminPermissions.AUDIT_READ, null),
                new Route("GET", "/api/v1/signing-keys", AdminPermissions.AUDIT_READ, null),
                new Route("POST", "/api/v1/projections/query-views/replay", AdminPermissions.CLIENTS_WRITE, null),
                new Route("POST", "/api/v1/integration/kafka/republish", AdminPermissions.CLIENTS_WRITE,
                        "{\"fromPosition\":0}"));
    }

    /**
     * A token of the given registered client (of the bootstrap admin for {@code null}) once it carries the given
     * permissions: a client's roles are projected apart from its registration.
     */
    private static String tokenOf(KeyledgerApi.Answer registered, List<String> permissions) {
        String id = registered == null ? Topology.adminId() : registered.text("clientId");
        String secret = registered == null ? Topology.adminSecret() : registered.text("clientSecret");
        return Eventually.get(Duration.ofSeconds(10), () -> KeyledgerApi.token(Topology.proxy(), id, secret),
                answer -> answer.status() == 200
                        && List.of(answer.text("scope").split(" ")).containsAll(permissions),
                "a token for " + id + " holding " + permissions).text("access_token");
    }

    private static long auditEvents() {
        return KeyledgerApi.admin().get("/api/v1/audit/events?limit=1000").expect(200).body().path("items").size();
    }
}
