package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.kernel.secret.SecretHash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin read API and the audit trail over real HTTP on the real embedded PostgreSQL. */
@KeyledgerService
class QueryApiTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    private static String register(String json) {
        AdminClient.Answer answer = admin.post("/api/v1/clients", json);
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("clientId");
    }

    private static AdminClient.Answer get(String path) {
        return admin.send("GET", path, null);
    }

    private static AdminClient.Answer getFresh(String path, long version) {
        return get(path + (path.contains("?") ? "&" : "?") + "minVersion=" + version);
    }

    @Test
    void whenAClientIsWritten_thenItsReadWithMinVersionAnswersThatVersionWithItsETag() {
        admin.post("/api/v1/roles", "{\"name\":\"etag-role\",\"permissions\":[\"x:read\"]}");
        String id = register("{\"name\":\"etag-svc\",\"roles\":[\"etag-role\"]}");
        AdminClient.Answer disabled = admin.post("/api/v1/clients/" + id + "/disable", null);

        AdminClient.Answer read = getFresh("/api/v1/clients/" + id, disabled.version());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.text("status")).isEqualTo("DISABLED");
        assertThat(read.json().get("permissions").toString()).isEqualTo("[\"x:read\"]");
        assertThat(read.json().at("/secrets/0/lastUsedAt").isNull()).isTrue();
        assertThat(read.json().at("/secrets/0/hint").asText()).hasSize(4);
        // What the write answered is what the read answers.
        assertThat(read.json()).isEqualTo(disabled.json());
    }

    @Test
    void whenMinVersionIsNeverReached_thenServiceUnavailableWithRetryAfter() {
        String id = register("{\"name\":\"later\"}");
        AdminClient.Answer read = getFresh("/api/v1/clients/" + id, 5);
        assertThat(read.status()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.text("type")).isEqualTo("https://keyledger.dev/problems/read-model-behind");
        assertThat(getFresh("/api/v1/roles/never-created", 0).status()).isEqualTo(503);
    }

    @Test
    void whenListing_thenFiltersAndPagesApply() {
        // Other tests' clients share the service: names and the role are unique to this test, and so are the totals.
        String lister = UniqueNames.unique("Lister");
        String role = UniqueNames.unique("list-role");
        admin.post("/api/v1/roles", "{\"name\":\"" + role + "\",\"permissions\":[\"l:read\"]}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register("{\"name\":\"" + lister + "-" + i + "_x\""
                    + (i % 2 == 0 ? ",\"roles\":[\"" + role + "\"]" : "") + "}"));
        }
        AdminClient.Answer disabled = admin.post("/api/v1/clients/" + ids.get(4) + "/disable", null);
        getFresh("/api/v1/clients/" + ids.get(4), disabled.version());
        for (String id : ids) {
            getFresh("/api/v1/clients/" + id, 0);
        }

        JsonNode byRole = get("/api/v1/clients?role=" + role).json();
        assertThat(byRole.get("total").asInt()).isEqualTo(3);
        JsonNode byName = get("/api/v1/clients?q=" + lister.toUpperCase(Locale.ROOT) + "-&size=2&page=1").json();
        assertThat(byName.get("total").asInt()).isEqualTo(5);
        assertThat(byName.get("page").asInt()).isEqualTo(1);
        assertThat(byName.get("size").asInt()).isEqualTo(2);
        assertThat(byName.get("items")).hasSize(2);
        assertThat(byName.at("/items/0/clientId").asText()).isEqualTo(ids.get(2));
        JsonNode pastTheEnd = get("/api/v1/clients?q=" + lister + "-&size=2&page=3").json();
        assertThat(pastTheEnd.get("items")).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(5);
        JsonNode active = get("/api/v1/clients?q=" + lister.toLowerCase(Locale.ROOT) + "-&status=DISABLED").json();
        assertThat(active.get("total").asInt()).isEqualTo(1);
        // "_" is a literal, not a wildcard.
        assertThat(get("/api/v1/clients?q=" + lister + "-_").json().get("total").asInt()).isZero();
        assertThat(get("/api/v1/clients?q=" + lister + "-1_x").json().get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/clients").json().get("size").asInt()).isEqualTo(20);
    }

    @Test
    void whenReadParametersAreBad_thenBadRequestNamingTheParameter() {
        assertBad("/api/v1/clients?size=201", "size");
        assertBad("/api/v1/clients?page=-1", "page");
        assertBad("/api/v1/clients?size=ten", "size");
        assertBad("/api/v1/clients?status=GONE", "status");
        assertBad("/api/v1/clients?role=Not%20A%20Role", "role");
        assertBad("/api/v1/clients?colour=red", "colour");
        assertBad("/api/v1/clients?q=ab%00c", "q");
        assertBad("/api/v1/clients?q=a%0Ab", "q");
        assertBad("/api/v1/audit/events?aggregateId=%00", "aggregateId");
        assertBad("/api/v1/clients?page=1&page=2", "page");
        assertBad("/api/v1/roles?size=0", "size");
        assertBad("/api/v1/clients/whoever?asOf=yesterday", "asOf");
        assertBad("/api/v1/clients/whoever?minVersion=-3", "minVersion");
        assertBad("/api/v1/audit/events?type=client.exploded", "type");
        assertBad("/api/v1/audit/events?limit=1001", "limit");
        assertBad("/api/v1/audit/events?from=now", "from");
        assertBad("/api/v1/audit/events?after=x", "after");
        assertThat(get("/api/v1/clients/no-such-client").status()).isEqualTo(404);
        assertThat(get("/api/v1/clients/no%20such%20client").status()).isIn(400, 404);
        assertThat(get("/api/v1/roles/no-such-role").status()).isEqualTo(404);
        assertThat(get("/api/v1/clients/no-such-client/events").status()).isEqualTo(404);
    }

    private static void assertBad(String path, String parameter) {
        AdminClient.Answer answer = get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
    }

    @Test
    void whenAskedAsOfAPastInstant_thenTheClientIsAsItWasWithItsRolesPermissionsOfThen() {
        AdminClient.Answer role = admin.post("/api/v1/roles", "{\"name\":\"asof-role\",\"permissions\":[\"a:read\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"asof\",\"roles\":[\"asof-role\"]}");
        String path = "/api/v1/clients/" + registered.text("clientId");
        Instant registeredAt = Instant.parse(registered.text("createdAt"));
        AdminClient.Answer replaced = admin.send("PUT", "/api/v1/roles/asof-role/permissions",
                "{\"permissions\":[\"a:write\"]}");
        AdminClient.Answer renamed = admin.patch(path, "{\"name\":\"asof-renamed\"}");
        Instant renamedAt = Instant.parse(renamed.text("updatedAt"));
        admin.post(path + "/disable", null);

        AdminClient.Answer then = get(path + "?asOf=" + registeredAt);
        assertThat(then.status()).isEqualTo(200);
        assertThat(then.header("ETag")).isEqualTo("\"0\"");
        assertThat(then.text("name")).isEqualTo("asof");
        assertThat(then.json().get("permissions").toString()).isEqualTo("[\"a:read\"]");
        assertThat(then.json()).isEqualTo(((ObjectNode) registered.json()).without("clientSecret"));

        AdminClient.Answer later = get(path + "?asOf=" + renamedAt.toString().replace("Z", "%2B00:00"));
        assertThat(later.text("name")).isEqualTo("asof-renamed");
        assertThat(later.text("status")).isEqualTo("ACTIVE");
        assertThat(later.json().get("permissions").toString()).isEqualTo("[\"a:write\"]");
        assertThat(Instant.parse(replaced.text("updatedAt"))).isBeforeOrEqualTo(renamedAt);

        assertThat(get(path + "?asOf=" + registeredAt.minusMillis(1)).status()).isEqualTo(404);
        assertThat(Instant.parse(role.text("createdAt"))).isBeforeOrEqualTo(registeredAt);
    }

    @Test
    void whenReadingHistories_thenEntriesCarryWireTypesActorsCorrelationAndNoSecret() {
        admin.post("/api/v1/roles", "{\"name\":\"hist-role\",\"permissions\":[\"h:read\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"hist\"}",
                "X-Correlation-Id", "corr-123");
        String id = registered.text("clientId");
        String path = "/api/v1/clients/" + id;
        AdminClient.Answer rotated = admin.post(path + "/secrets/rotate", null);
        admin.put(path + "/roles/hist-role");
        admin.delete("/api/v1/roles/hist-role", "X-Correlation-Id", "cleanup-7");

        AdminClient.Answer history = get(path + "/events");
        assertThat(history.status()).isEqualTo(200);
        JsonNode items = history.json().get("items");
        assertThat(items).extracting(item -> item.get("type").asText()).containsExactly("client.registered",
                "client.secret-rotated", "client.role-assigned", "client.role-unassigned");
        JsonNode first = items.get(0);
        assertThat(first.get("aggregateType").asText()).isEqualTo("client");
        assertThat(first.get("aggregateId").asText()).isEqualTo(id);
        assertThat(first.get("sequence").asInt()).isZero();
        assertThat(first.get("correlationId").asText()).isEqualTo("corr-123");
        assertThat(first.get("actor").asText()).isNotBlank();
        assertThat(first.at("/payload/primarySecret/slot").asText()).isEqualTo("PRIMARY");
        assertThat(first.get("occurredAt").asText()).isEqualTo(registered.text("createdAt"));
        JsonNode unassigned = items.get(3);
        assertThat(unassigned.get("actor").asText()).isEqualTo("system");
        assertThat(unassigned.get("correlationId").asText()).isEqualTo("cleanup-7");
        for (String secret : List.of(registered.text("clientSecret"), rotated.text("clientSecret"))) {
            assertThat(history.body()).doesNotContain(secret).doesNotContain(SecretHash.digest(secret).sha256());
        }

        JsonNode roleItems = get("/api/v1/roles/hist-role/events").json().get("items");
        assertThat(roleItems).extracting(item -> item.get("type").asText())
                .containsExactly("role.created", "role.deleted");
        assertThat(roleItems.get(0).get("aggregateId").asText()).isEqualTo("hist-role");
        assertThat(roleItems.get(0).get("aggregateType").asText()).isEqualTo("role");
        assertThat(getFresh("/api/v1/roles/hist-role", 1).status()).isEqualTo(404);
    }

    @Test
    void whenPagingTheGlobalFeed_thenTheCursorWalksEveryMatchingEventOnceAndNdjsonStreamsThemAll() {
        // The store holds other tests' events too (and the bootstrap admin's): walk the feed from this test's first.
        long start = keyledger.jdbc().sql("SELECT max(globalindex) FROM domainevententry")
                .query(Long.class).single();
        String id = register("{\"name\":\"feed\"}");
        admin.post("/api/v1/clients/" + id + "/disable", null);
        admin.post("/api/v1/clients/" + id + "/enable", null);

        List<Long> paged = new ArrayList<>();
        String cursor = "&after=" + start;
        while (cursor != null) {
            JsonNode page = get("/api/v1/audit/events?limit=3" + cursor).json();
            page.get("items").forEach(item -> paged.add(item.get("globalPosition").asLong()));
            cursor = page.get("next").isNull() ? null : "&after=" + page.get("next").asLong();
        }
        long written = keyledger.jdbc().sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?")
                .param(start).query(Long.class).single();
        assertThat(paged).isSorted().doesNotHaveDuplicates().hasSize((int) written).hasSizeGreaterThanOrEqualTo(3);

        AdminClient.Answer ndjson = admin.raw("GET", "/api/v1/audit/events?aggregateId=" + id, new byte[0],
                "Accept", "application/x-ndjson");
        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = ndjson.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).contains("\"type\":\"client.enabled\"");

        JsonNode filtered = get("/api/v1/audit/events?type=client.disabled,client.enabled&aggregateId=" + id).json();
        assertThat(filtered.get("items")).hasSize(2);
        assertThat(filtered.get("next").isNull()).isTrue();
        String at = filtered.at("/items/1/occurredAt").asText();
        assertThat(get("/api/v1/audit/events?aggregateId=" + id + "&from=" + at).json().get("items")).hasSize(1);
        assertThat(get("/api/v1/audit/events?aggregateId=" + id + "&to=" + at).json().get("items")).hasSize(2);
    }
}
