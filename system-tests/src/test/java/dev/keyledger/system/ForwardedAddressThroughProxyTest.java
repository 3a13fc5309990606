package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers that forge {@code X-Forwarded-For} through the proxy (or straight at a node) are still recorded and
 * throttled under their real address: nginx replaces the header with the peer it saw, and the nodes believe the
 * header only from the proxy's own address (scripts/topology: 127.0.0.2). Each caller here connects from an
 * address of its own on the loopback network, so "the real one" is told apart from the proxy's and the test's.
 */
@ExtendWith(Topology.class)
class ForwardedAddressThroughProxyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FORGED = "203.0.113.66";

    private static String clientId;
    private static String secret;

    @BeforeAll
    static void registerACaller() {
        KeyledgerApi.Answer registered = KeyledgerApi.admin().register("forger-" + UUID.randomUUID());
        clientId = registered.text("clientId");
        secret = registered.text("clientSecret");
        // Every token node must know the client: a test below asks one node straight, not through the proxy.
        for (URI node : Topology.tokenNodes()) {
            Eventually.get(PATIENCE, () -> KeyledgerApi.token(node, clientId, secret).status(),
                    status -> status == 200, "a token for the new client from " + node);
        }
    }

    @Test
    void whenACallerForgesXForwardedForThroughTheProxy_thenTheIssuanceLogRecordsItsRealAddress() {
        String answer = token(Topology.proxy(), "127.0.0.3", secret, FORGED);

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(lastSourceAddressOnceLogged(answer)).isEqualTo("127.0.0.3");
    }

    @Test
    void whenACallerForgesXForwardedForStraightAtANode_thenTheIssuanceLogRecordsItsRealAddress() {
        String answer = token(Topology.tokenNodes().get(0), "127.0.0.6", secret, FORGED);

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(lastSourceAddressOnceLogged(answer)).isEqualTo("127.0.0.6");
    }

    @Test
    void whenAGuesserForgesAnotherAddressOnEveryAttempt_thenItIsThrottledAndItsVictimIsNot() {
        String guesser = "127.0.0.4";
        String victim = "127.0.0.5";
        int attempts = 0;
        String answer;
        // 20 failures a minute per pair and node, two nodes behind the proxy: at most 41 attempts reach a 429.
        do {
            answer = token(Topology.proxy(), guesser, "guess-" + attempts,
                    victim + ", 198.51.100." + attempts % 250);
            attempts++;
        } while (answer.startsWith("HTTP/1.1 401") && attempts < 60);

        assertThat(answer).as("after %d attempts", attempts).startsWith("HTTP/1.1 429");
        assertThat(attempts).isLessThanOrEqualTo(41);
        assertThat(token(Topology.proxy(), victim, secret, guesser)).as("the address the guesser named")
                .startsWith("HTTP/1.1 200");
    }

    /** The source address of the client's newest issuance record, once the record of {@code answer} is there. */
    private static String lastSourceAddressOnceLogged(String answer) {
        String jti = jtiOf(answer);
        JsonNode record = Eventually.get(PATIENCE, () -> {
            JsonNode items = KeyledgerApi.admin().get("/api/v1/clients/" + clientId + "/token-events?limit=1000")
                    .expect(200).body().path("items");
            for (JsonNode item : items) {
                if (jti.equals(item.path("jti").asText())) {
                    return item;
                }
            }
            return null;
        }, item -> item != null, "the issuance record of " + jti);
        return record.path("sourceAddress").asText();
    }

    private static String jtiOf(String answer) {
        try {
            // The JSON object, whether the proxy sent the body whole or in chunks.
            String body = answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
            String token = KeyledgerApi.JSON.readTree(body).path("access_token").asText();
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return KeyledgerApi.JSON.readTree(claims).path("jti").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One raw HTTP/1.1 token request from {@code source}, saying it forwards for {@code forwardedFor}. */
    private static String token(URI target, String source, String clientSecret, String forwardedFor) {
        String credentials = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /oauth2/token HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Authorization: Basic " + credentials + "\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
