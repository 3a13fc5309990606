package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the proxy answers by itself — no node of a service answering, a body over its own limit — reaches clients in
 * the services' formats (OAuth errors under /oauth2, problem+json elsewhere), never as nginx's HTML pages.
 */
@ExtendWith(Topology.class)
class ProxyAnswersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TWO_MIB = "x".repeat(2 * 1024 * 1024);

    @Test
    void whenATokenRequestIsOverTheProxysLimit_thenItIsAnOAuthError() throws Exception {
        HttpResponse<String> answer = post("/oauth2/token", "application/x-www-form-urlencoded", TWO_MIB);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(answer).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void whenAnAdminRequestIsOverTheProxysLimit_thenItIsAProblem() throws Exception {
        HttpResponse<String> answer = post("/api/v1/clients", "application/json", TWO_MIB);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).path("type").asText()).isEqualTo("https://keyledger.dev/problems/body-too-large");
    }

    @Test
    void whenNoCommandSideNodeAnswers_thenWritesGetA503ProblemWithRetryAfter() throws Exception {
        Topology.stop("command");
        try {
            HttpResponse<String> answer = post("/api/v1/clients", "application/json", "{\"name\":\"nobody-home\"}");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer).path("type").asText())
                    .isEqualTo("https://keyledger.dev/problems/service-unavailable");
        } finally {
            Topology.start("command");
        }
        Eventually.get(Duration.ofSeconds(30), () -> KeyledgerApi.admin().post("/api/v1/clients",
                Map.of("name", "back-again")).status(), status -> status == 201, "the command side back");
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Topology.proxy().resolve(URI.create(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return KeyledgerApi.JSON.readTree(answer.body());
    }
}
