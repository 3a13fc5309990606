package dev.keyledger.standalone;

import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input to the admin write API gets its specified 4xx as problem+json, and leaves no event behind.
 */
@KeyledgerService
class BadInputTest {

    private static final String ROLE = UniqueNames.unique("reader");

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static String clientPath;
    private static String secondaryId;

    private long eventsBefore;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
        admin.post("/api/v1/roles", "{\"name\":\"" + ROLE + "\",\"permissions\":[\"a:read\"]}");
        AdminClient.Answer registered = admin.post("/api/v1/clients",
                "{\"name\":\"svc\",\"roles\":[\"" + ROLE + "\"]}");
        clientPath = "/api/v1/clients/" + registered.text("clientId");
        secondaryId = admin.post(clientPath + "/secrets", null).text("secretId");
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = keyledger.eventCount();
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                arguments("{\"name\":", null),
                arguments("[]", null),
                arguments("\"just a string\"", null),
                arguments("{}", "name"),
                arguments("{\"name\":\"\"}", "name"),
                arguments("{\"name\":\"   \"}", "name"),
                arguments("{\"name\":42}", "name"),
                arguments("{\"name\":\"" + "n".repeat(201) + "\"}", "name"),
                arguments("{\"name\":\"a\\u0000b\"}", "name"),
                arguments("{\"name\":\"ok\",\"description\":\"" + "d".repeat(2001) + "\"}", "description"),
                arguments("{\"name\":\"ok\",\"accessTokenTtlSeconds\":\"3600\"}", "accessTokenTtlSeconds"),
                arguments("{\"name\":\"ok\",\"accessTokenTtlSeconds\":59}", "accessTokenTtlSeconds"),
                arguments("{\"name\":\"ok\",\"accessTokenTtlSeconds\":86401}", "accessTokenTtlSeconds"),
                arguments("{\"name\":\"ok\",\"accessTokenTtlSeconds\":600.5}", "accessTokenTtlSeconds"),
                arguments("{\"name\":\"ok\",\"accessTokenTtlSeconds\":99999999999999999999}", "accessTokenTtlSeconds"),
                arguments("{\"name\":\"ok\",\"roles\":\"reader\"}", "roles"),
                arguments("{\"name\":\"ok\",\"roles\":[42]}", "roles[0]"),
                arguments("{\"name\":\"ok\",\"roles\":[\"Not A Role\"]}", "roles[0]"),
                arguments("{\"name\":\"ok\",\"allowedAudiences\":[\"not a uri\"]}", "allowedAudiences[0]"),
                arguments("{\"name\":\"ok\",\"allowedAudiences\":[\"/relative\"]}", "allowedAudiences[0]"),
                // RFC 3986 absolute-URI: no fragment, not even an empty one.
                arguments("{\"name\":\"ok\",\"allowedAudiences\":[\"https://api.example.com#admin\"]}",
                        "allowedAudiences[0]"),
                arguments("{\"name\":\"ok\",\"allowedAudiences\":[\"https://a.example\",\"https://b.example/#\"]}",
                        "allowedAudiences[1]"),
                arguments("{\"name\":\"ok\",\"colour\":\"blue\"}", "colour"),
                arguments("{\"name\":\"ok\",\"clientId\":\"mine\"}", "clientId"),
                arguments("{\"name\":\"ok\",\"status\":\"ACTIVE\"}", "status"),
                arguments("{\"name\":\"ok\",\"clientSecret\":\"kls_x\"}", "clientSecret"),
                arguments("{\"name\":\"a\",\"name\":\"b\"}", null));
    }

    @ParameterizedTest
    @MethodSource("invalidRegistrations")
    void whenARegistrationIsInvalid_thenItIs400NamingTheFieldAndNothingIsWritten(String body, String field) {
        AdminClient.Answer answer = admin.post("/api/v1/clients", body);
        assertProblem(answer, 400);
        if (field != null) {
            assertThat(answer.json().get("errors").findValuesAsText("field")).contains(field);
        }
    }

    @Test
    void whenTheBodyIsNotUtf8_thenItIs400() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(admin.raw("POST", "/api/v1/clients", latin1, "Content-Type", "application/json"), 400);
    }

    @Test
    void whenTheBodyIsOver64KiB_thenItIs413() {
        String huge = "{\"name\":\"ok\",\"description\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(admin.post("/api/v1/clients", huge), 413);
    }

    @Test
    void whenAnOversizedBodyComesChunked_thenItIs413AndNothingIsWritten() {
        // No Content-Length: the admin lane reserves and reads 64 KiB + 1 at most, and the endpoint sees it is too big.
        long before = keyledger.eventCount();
        String body = "{\"name\":\"chunked\",\"description\":\"" + "x".repeat(200_000) + "\"}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String answer = RawHttp.exchange("127.0.0.1", keyledger.port(), "POST /api/v1/clients HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Authorization: Bearer " + keyledger.newAdminToken() + "\r\nConnection: close\r\n\r\n",
                chunked.getBytes(StandardCharsets.US_ASCII));
        assertThat(RawHttp.statusOf(answer)).as(answer).isEqualTo(413);
        assertThat(answer).contains("application/problem+json");
        assertThat(keyledger.eventCount()).isEqualTo(before);
    }

    @Test
    void whenTheBodyIsShorterThanItsDeclaredLength_thenNothingActsOnThePartThatCame() throws IOException {
        // A whole, valid registration, but 1,000 bytes declared: the message is incomplete (RFC 9112 §6.3).
        byte[] body = "{\"name\":\"cut-short\"}".getBytes(StandardCharsets.US_ASCII);
        assertRawProblem(halfClosed(writeHead("POST /api/v1/clients", "Content-Length: 1000"), body), 400);
    }

    @Test
    void whenTheDeclaredLengthCutsTheBody_thenTheCutIsRefusedAndTheRestIsNoRequest() {
        // The lane reads what is declared; the rest of the bytes arrive as if they were a request of their own.
        String answer = RawHttp.exchange("127.0.0.1", keyledger.port(),
                writeHead("POST /api/v1/clients", "Content-Length: 9", "Connection: close"),
                "{\"name\":\"smuggled\"}".getBytes(StandardCharsets.US_ASCII));
        assertRawProblem(answer, 400);
        assertThat(answer).doesNotContain("HTTP/1.1 2");
    }

    @Test
    void whenABodyIsFramedBothByLengthAndByChunks_thenTheChunksDecideAndTheConnectionCloses() {
        // What a request-smuggling tool sends: a proxy going by Content-Length would see the pipelined write as a
        // request of its own. The server reads the chunks (RFC 9112 §6.3), answers once and closes the connection,
        // so the write behind it is never read as a request.
        byte[] first = "{\"name\":\"framed-twice\"}".getBytes(StandardCharsets.US_ASCII);
        String role = UniqueNames.unique("smuggled");
        String roleBody = "{\"name\":\"" + role + "\",\"permissions\":[]}";
        String pipelined = writeHead("POST /api/v1/roles", "Content-Length: " + roleBody.length()) + roleBody;
        String answer = RawHttp.exchange("127.0.0.1", keyledger.port(),
                writeHead("POST /api/v1/clients", "Content-Length: 5", "Transfer-Encoding: chunked"),
                (Integer.toHexString(first.length) + "\r\n" + new String(first, StandardCharsets.US_ASCII)
                        + "\r\n0\r\n\r\n" + pipelined).getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.split("HTTP/1.1 ", -1)).as(answer).hasSize(2);
        assertThat(answer).containsIgnoringCase("Connection: close");
        assertThat(admin.send("GET", "/api/v1/roles/" + role, null).status()).isEqualTo(404);
        assertThat(keyledger.eventCount()).isLessThanOrEqualTo(eventsBefore + 1);
    }

    @Test
    void whenTheMethodIsSpelledInLowerCase_thenItIsAProblemAndNothingIsWritten() {
        assertRawProblem(RawHttp.exchange("127.0.0.1", keyledger.port(),
                writeHead("post /api/v1/clients", "Content-Length: 12", "Connection: close"),
                "{\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII)), 405);
    }

    /** A whole raw answer: the status, as problem+json, and no event written. */
    private void assertRawProblem(String answer, int status) {
        assertThat(RawHttp.statusOf(answer)).as(answer).isEqualTo(status);
        assertThat(answer).contains("application/problem+json");
        assertThat(keyledger.eventCount()).as("no event written").isEqualTo(eventsBefore);
    }

    /** The request line and headers of an admin write with a valid admin token, ending with the empty line. */
    private static String writeHead(String requestLine, String... headers) {
        return requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + keyledger.newAdminToken() + "\r\n" + String.join("", Stream.of(headers).map(h -> h + "\r\n").toList())
                + "\r\n";
    }

    /** Sends the request and closes the sending half, as a client that stops early does; the whole answer. */
    private static String halfClosed(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", keyledger.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void whenTheBodyIsNotJson_thenItIs415() {
        assertProblem(admin.raw("POST", "/api/v1/clients", "name=x".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded"), 415);
        assertProblem(admin.raw("POST", "/api/v1/clients", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void whenAnIdempotencyKeyIsTooLong_thenItIs400() {
        assertProblem(admin.post("/api/v1/clients", "{\"name\":\"ok\"}", "Idempotency-Key", "k".repeat(256)), 400);
    }

    @Test
    void whenIdsAreUnknown_thenItIs404() {
        assertProblem(admin.post("/api/v1/clients/NoSuchClient/disable", null), 404);
        assertProblem(admin.post("/api/v1/clients/bad%20id!/disable", null), 404);
        assertProblem(admin.post(clientPath + "/secrets/NoSuchSecret/promote", null), 404);
        assertProblem(admin.delete(clientPath + "/secrets/NoSuchSecret"), 404);
        assertProblem(admin.put(clientPath + "/roles/no-such-role"), 404);
        assertProblem(admin.put(clientPath + "/roles/NOT_VALID"), 404);
        assertProblem(admin.send("PUT", "/api/v1/roles/no-such-role/permissions", "{\"permissions\":[]}"), 404);
        assertProblem(admin.delete("/api/v1/roles/no-such-role"), 404);
        assertProblem(admin.patch("/api/v1/clients/NoSuchClient", "{\"name\":\"x\"}"), 404);
    }

    @Test
    void whenIfMatchIsStaleOrMalformed_thenItIs412Or400() {
        AdminClient.Answer stale = admin.post(clientPath + "/disable", null, "If-Match", "\"0\"");
        assertProblem(stale, 412);
        assertThat(stale.json().get("currentVersion").asLong()).isPositive();
        assertProblem(admin.post(clientPath + "/disable", null, "If-Match", "\"999\""), 412);
        assertProblem(admin.patch(clientPath, "{\"name\":\"x\"}", "If-Match", "W/\"1\""), 400);
        assertProblem(admin.patch(clientPath, "{\"name\":\"x\"}", "If-Match", "one"), 400);
        assertProblem(admin.send("PUT", "/api/v1/roles/" + ROLE + "/permissions", "{\"permissions\":[\"b:read\"]}",
                "If-Match", "\"7\""), 412);
    }

    @Test
    void whenAPatchIsInvalid_thenItIs400() {
        assertProblem(admin.patch(clientPath, "{\"name\":null}"), 400);
        assertProblem(admin.patch(clientPath, "{\"roles\":[\"" + ROLE + "\"]}"), 400);
        assertProblem(admin.patch(clientPath, "{\"version\":3}"), 400);
        assertProblem(admin.patch(clientPath, "{\"allowedAudiences\":\"https://a.example\"}"), 400);
        AdminClient.Answer fragment = admin.patch(clientPath, "{\"allowedAudiences\":[\"https://a.example/#x\"]}");
        assertProblem(fragment, 400);
        assertThat(fragment.json().get("errors").findValuesAsText("field")).containsExactly("allowedAudiences[0]");
        assertProblem(admin.patch(clientPath, ""), 400);
    }

    @Test
    void whenASecretRequestIsInvalid_thenItIs400() {
        assertProblem(admin.post(clientPath + "/secrets", "{\"expiresAt\":\"2000-01-01T00:00:00Z\"}"), 400);
        assertProblem(admin.post(clientPath + "/secrets", "{\"expiresAt\":\"tomorrow\"}"), 400);
        assertProblem(admin.post(clientPath + "/secrets", "{\"expiresAt\":1893456000}"), 400);
        assertProblem(admin.post(clientPath + "/secrets/rotate", "{\"slot\":\"PRIMARY\"}"), 400);
        assertProblem(admin.post(clientPath + "/disable", "{\"reason\":\"x\"}"), 400);
    }

    @Test
    void whenSecretRulesAreBroken_thenItIs409() {
        assertProblem(admin.post(clientPath + "/secrets", null), 409);
        assertProblem(admin.post(clientPath + "/secrets/rotate", null), 409);
        String primaryId = admin.patch(clientPath, "{}").json().at("/secrets/0/secretId").asText();
        assertProblem(admin.delete(clientPath + "/secrets/" + primaryId), 409);
        assertProblem(admin.post(clientPath + "/secrets/" + primaryId + "/promote", null), 409);
        assertThat(secondaryId).isNotEqualTo(primaryId);
    }

    @Test
    void whenARoleRequestIsInvalid_thenItIs400Or409() {
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"Upper\",\"permissions\":[]}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"-x\",\"permissions\":[]}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"" + "r".repeat(65) + "\",\"permissions\":[]}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"ok\"}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"ok\",\"permissions\":[\"has space\"]}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"ok\",\"permissions\":[\"" + "p".repeat(129) + "\"]}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"ok\",\"permissions\":[],\"version\":1}"), 400);
        assertProblem(admin.post("/api/v1/roles", "{\"name\":\"" + ROLE + "\",\"permissions\":[]}"), 409);
        assertProblem(admin.send("PUT", "/api/v1/roles/" + ROLE + "/permissions",
                "{\"permissions\":[\"a\\\\b\"]}"), 400);
    }

    @Test
    void whenTheRouteOrMethodIsUnknown_thenItIsAProblemToo() {
        assertProblem(admin.post("/api/v1/nothing-here", "{}"), 404);
        assertProblem(admin.send("PUT", "/api/v1/clients", "{}"), 405);
    }

    private void assertProblem(AdminClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().has("title")).isTrue();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(keyledger.eventCount()).as("no event written").isEqualTo(eventsBefore);
    }
}
