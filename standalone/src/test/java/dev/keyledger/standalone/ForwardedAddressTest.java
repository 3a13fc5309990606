package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address a request is recorded under (issuance log, audit trail) over real HTTP, from real loopback source
 * addresses: X-Forwarded-For counts only when the connection comes from the configured proxy (127.0.0.2 here); from
 * anyone else it is ignored, whatever it says.
 */
@KeyledgerService(properties = "keyledger.trusted-proxies=" + ForwardedAddressTest.PROXY)
class ForwardedAddressTest {

    static final String PROXY = "127.0.0.2";
    private static final String FORGED = "203.0.113.66";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningKeyledger keyledger;
    private static String clientId;
    private static String secret;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        AdminClient.Answer registered = keyledger.admin().post("/api/v1/clients", "{\"name\":\"caller\"}");
        clientId = registered.text("clientId");
        secret = registered.text("clientSecret");
        keyledger.tokenFor(clientId, secret);
        // The log is written behind the answer: a record still in flight here would satisfy a later test's wait.
        waitUntil(() -> issuanceRecords() == 1, Duration.ofSeconds(5));
    }

    @Test
    void whenAnUntrustedPeerForgesXForwardedFor_thenTheIssuanceLogRecordsThePeer() throws Exception {
        String answer = token("127.0.0.1", secret, "X-Forwarded-For: " + FORGED, "X-Forwarded-For: " + FORGED);

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(lastSourceAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void whenTheProxyForwardsAnAddress_thenTheIssuanceLogRecordsIt() throws Exception {
        assertThat(token(PROXY, secret, "X-Forwarded-For: 198.51.100.4")).startsWith("HTTP/1.1 200");
        assertThat(lastSourceAddress()).isEqualTo("198.51.100.4");

        assertThat(token(PROXY, "wrong", "X-Forwarded-For: " + FORGED + ", 198.51.100.5")).startsWith("HTTP/1.1 401");
        assertThat(lastSourceAddress()).as("only the entry the proxy wrote").isEqualTo("198.51.100.5");
    }

    @Test
    void whenTheProxyForwardsSomethingElseThanAnAddress_thenTheProxyIsRecorded() throws Exception {
        for (String garbage : List.of("evil.example.com", "1.2.3.4:80", "x".repeat(4000), "' OR 1=1 --")) {
            assertThat(token(PROXY, secret, "X-Forwarded-For: " + garbage)).startsWith("HTTP/1.1 200");
            assertThat(lastSourceAddress()).isEqualTo(PROXY);
        }
    }

    @Test
    void whenAnAdminCallerForgesXForwardedFor_thenTheAuditTrailRecordsThePeer() throws Exception {
        String name = "audited-" + UUID.randomUUID();
        AdminClient.Answer registered = keyledger.admin().post("/api/v1/clients", "{\"name\":\"" + name + "\"}",
                "X-Forwarded-For", FORGED);

        assertThat(registered.status()).isEqualTo(201);
        assertThat(auditedSourceAddress(registered.text("clientId"))).isEqualTo("127.0.0.1");
    }

    private static String lastSourceAddress() {
        List<JsonNode> items = new ArrayList<>();
        long count = keyledger.jdbc().sql("SELECT count(*) FROM token_issuance_log WHERE client_id = ?")
                .param(clientId).query(Long.class).single();
        waitUntil(() -> {
            items.clear();
            keyledger.admin().send("GET", "/api/v1/clients/" + clientId + "/token-events?limit=1000", null).json()
                    .get("items").forEach(items::add);
            return items.size() >= count;
        }, Duration.ofSeconds(5));
        return items.get(items.size() - 1).get("sourceAddress").asText();
    }

    private static String auditedSourceAddress(String aggregateId) throws IOException {
        String metadata = keyledger.jdbc().sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                         WHERE aggregateidentifier = ? ORDER BY sequencenumber LIMIT 1""")
                .param(aggregateId).query(String.class).single();
        return JSON.readTree(metadata).get("sourceAddress").asText();
    }

    /**
     * One raw HTTP/1.1 token request from {@code sourceAddress} with the given extra header lines, waiting until its
     * issuance record is written; the whole answer as text.
     */
    private static String token(String sourceAddress, String clientSecret, String... headers) throws IOException {
        long before = issuanceRecords();
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        String answer = RawHttp.exchange(sourceAddress, keyledger.port(), "POST /oauth2/token HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Authorization: " + basic(clientId, clientSecret) + "\r\n" + String.join("\r\n", headers)
                + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
        waitUntil(() -> issuanceRecords() > before, Duration.ofSeconds(5));
        return answer;
    }

    private static long issuanceRecords() {
        return keyledger.jdbc().sql("SELECT count(*) FROM token_issuance_log WHERE client_id = ?")
                .param(clientId).query(Long.class).single();
    }
}
