package dev.keyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Keyledger over HTTP as a user and a machine see it: the admin API with an admin token, and the token endpoint. */
final class KeyledgerApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private String bearer;

    private KeyledgerApi(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** Through the proxy, as the topology's bootstrap admin. */
    static KeyledgerApi admin() {
        return new KeyledgerApi(Topology.proxy(), null);
    }

    /** Straight at one node, as the topology's bootstrap admin (the token comes through the proxy). */
    static KeyledgerApi adminAt(URI node) {
        return new KeyledgerApi(node, admin().accessToken());
    }

    /** Through the proxy, with the given access token ({@code ""}: none at all). */
    static KeyledgerApi bearing(String accessToken) {
        return new KeyledgerApi(Topology.proxy(), accessToken);
    }

    record Answer(int status, JsonNode body) {

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    /** A client-credentials token request to one node (or the proxy); the answer as it came. */
    static Answer token(URI node, String clientId, String secret) {
        String credentials = Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(node.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    Answer get(String path) {
        return call("GET", path, null);
    }

    Answer post(String path, Object body) {
        return call("POST", path, body);
    }

    Answer delete(String path) {
        return call("DELETE", path, null);
    }

    Answer call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        String token = accessToken();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return send(request);
    }

    /** A new client with no role; its id and its secret, which only this answer holds. */
    Answer register(String name) {
        return post("/api/v1/clients", Map.of("name", name)).expect(201);
    }

    private synchronized String accessToken() {
        if (bearer == null) {
            bearer = token(base, Topology.adminId(), Topology.adminSecret()).expect(200).text("access_token");
        }
        return bearer;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
