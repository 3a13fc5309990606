package dev.keyledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.cli.CliFailure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The admin API under the profile's base URL. A non-2xx answer becomes a {@link ServiceRefusal}; a 401 is retried
 * once with a fresh token (a cached one may have been revoked), then reported as an authentication failure.
 */
public final class KeyledgerApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private final AccessTokens tokens;

    public KeyledgerApi(URI base, HttpClient http, AccessTokens tokens) {
        this.base = base;
        this.http = http;
        this.tokens = tokens;
    }

    public ApiAnswer get(String path) {
        return send("GET", path, null);
    }

    /** {@code body} may be null: no body is sent. {@code headers} are name, value pairs. */
    public ApiAnswer send(String method, String path, JsonNode body, String... headers) {
        ApiAnswer answer = TokenClient.send(http, request(method, path, body, headers), base.toString());
        if (answer.status() == 401) {
            tokens.forget();
            answer = TokenClient.send(http, request(method, path, body, headers), base.toString());
        }
        if (!answer.ok()) {
            throw ServiceRefusal.of(answer);
        }
        return answer;
    }

    /** Streams an NDJSON answer to {@code reader}; a refusal before the first byte is reported like any other. */
    public void stream(String path, StreamReader reader) {
        HttpRequest request = HttpRequest.newBuilder(ServiceUrl.at(base, path))
                .timeout(Duration.ofHours(12))
                .header("Authorization", "Bearer " + tokens.bearer())
                .header("Accept", "application/x-ndjson")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    ApiAnswer refusal = new ApiAnswer(response.statusCode(),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    if (refusal.status() == 401) {
                        tokens.forget();
                    }
                    throw ServiceRefusal.of(refusal);
                }
                reader.read(body);
            }
        } catch (IOException e) {
            throw CliFailure.unreachable("the transfer from " + base + " failed: " + TokenClient.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable("interrupted while reading from " + base);
        }
    }

    private HttpRequest request(String method, String path, JsonNode body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ServiceUrl.at(base, path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.bearer())
                .header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return request.build();
    }

    /** Reads a streamed answer's body. */
    @FunctionalInterface
    public interface StreamReader {
        void read(InputStream body) throws IOException;
    }
}
