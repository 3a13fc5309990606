package dev.keyledger.standalone;

import dev.keyledger.infrastructure.hostile.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fuzzer sends to the OAuth endpoints — random bodies, broken Basic headers, invalid UTF-8, odd content types,
 * repeated and empty parameters, huge values — never gets a 5xx, and every error is an OAuth error.
 */
// The failures it provokes throttle nothing: the tests' default limits (RunningKeyledger) are far above them.
@KeyledgerService
class OAuthFuzzTest {

    private static final List<String> PATHS = List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=latin1",
            "application/json", "multipart/form-data; boundary=zz", "text/plain", "", "application/x-www-form-urlencoded;;;",
            "\u00ff/\u00fe");
    private static final List<String> FRAGMENTS = List.of("grant_type=client_credentials", "grant_type=",
            "client_id=", "client_secret=", "scope=", "resource=", "audience=", "token=", "%", "%zz", "%C3%28", "+",
            "&", "=", "&&", "==", "%00", "scope=a%3Aread", "resource=http%3A%2F%2Fx", "grant_type=password",
            "client_id=" + "x".repeat(300), "token=eyJhbGciOiJub25lIn0.e30.");

    private static RunningKeyledger keyledger;
    private static String clientId;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        clientId = keyledger.admin().post("/api/v1/clients", "{\"name\":\"fuzzed\"}").text("clientId");
    }

    @Test
    void whenAFuzzerSendsMalformedRequests_thenNothingAnswers5xxAndErrorsAreOAuthErrors() throws IOException {
        Random random = new Random(20261129);
        for (int i = 0; i < 400; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            byte[] body = body(random);
            String answer = send(random.nextInt(10) == 0 ? "PUT" : "POST", path,
                    CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())), authorization(random), body);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as("request %d to %s: %s", i, path, answer).isLessThan(500);
            if (status != 200) {
                assertThat(answer).as("request %d", i).contains("\"error\":\"").doesNotContain("problem+json")
                        .doesNotContain("Exception");
            }
        }
    }

    private static byte[] body(Random random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                return ("grant_type=client_credentials&scope=" + "s".repeat(random.nextInt(80_000)))
                        .getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                StringBuilder form = new StringBuilder();
                int parts = random.nextInt(8);
                for (int p = 0; p < parts; p++) {
                    form.append(p == 0 ? "" : "&").append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                }
                return form.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String authorization(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "Basic " + Base64.getEncoder().encodeToString((clientId + ":wrong").getBytes(StandardCharsets.UTF_8));
            case 2 -> "Basic !!!not-base64!!!";
            case 3 -> "Basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28, ':', 'x'});
            case 4 -> "Basic ";
            case 5 -> "Bearer abc";
            default -> "Basic " + Base64.getEncoder().encodeToString("%zz:%".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static String send(String method, String path, String contentType, String authorization, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n");
        if (!contentType.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        return RawHttp.exchange("127.0.0.1", keyledger.port(), head.append("\r\n").toString(), body);
    }
}
