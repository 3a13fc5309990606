package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** A plain HTTP client for the admin API, as any user's tool would call it. */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Supplier<String> bearer;

    /** @param bearer the access token to send, or {@code null} to send none */
    AdminClient(URI base, Supplier<String> bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    Answer post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Answer patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    Answer put(String path, String... headers) {
        return send("PUT", path, null, headers);
    }

    Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** A JSON request; {@code json} may be null for none. {@code headers} are name, value pairs. */
    Answer send(String method, String path, String json, String... headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String[] all = headers;
        if (json != null) {
            all = new String[headers.length + 2];
            all[0] = "Content-Type";
            all[1] = "application/json";
            System.arraycopy(headers, 0, all, 2, headers.length);
        }
        return raw(method, path, body, all);
    }

    /** A form POST, as OAuth clients send it; {@code form} is already encoded. */
    Answer form(String path, String form, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return raw("POST", path, form.getBytes(StandardCharsets.UTF_8), all);
    }

    /** Exactly these bytes and headers: for malformed input. */
    Answer raw(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer.get());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer, with its body parsed as JSON when it is JSON. */
    static final class Answer {

        private final HttpResponse<byte[]> response;

        Answer(HttpResponse<byte[]> response) {
            this.response = response;
        }

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        HttpHeaders headers() {
            return response.headers();
        }

        byte[] bytes() {
            return response.body();
        }

        String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status() + "): " + body(), e);
            }
        }

        String text(String field) {
            return json().path(field).asText(null);
        }

        long version() {
            return json().get("version").asLong();
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
