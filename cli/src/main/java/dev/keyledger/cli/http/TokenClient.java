package dev.keyledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.config.Profile;
import dev.keyledger.cli.config.TokenCache.CachedToken;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Asks the token endpoint for an access token with the profile's client credentials (client_secret_basic). */
public final class TokenClient {

    private final HttpClient http;

    public TokenClient(HttpClient http) {
        this.http = http;
    }

    public CachedToken fetch(Profile profile) {
        // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined and base64-encoded.
        String basic = Base64.getEncoder().encodeToString((encode(profile.clientId()) + ":"
                + encode(profile.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(ServiceUrl.at(profile.url(), "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        Instant asked = Instant.now();
        ApiAnswer answer = send(http, request, profile.url().toString());
        JsonNode body = answer.json();
        if (answer.status() == 401 || "invalid_client".equals(body.path("error").asText())) {
            throw CliFailure.authentication("the service at " + profile.url() + " refused the credentials of client "
                    + profile.clientId() + " (invalid_client)");
        }
        if (!answer.ok() || !body.hasNonNull("access_token")) {
            throw ServiceRefusal.of(answer);
        }
        return new CachedToken(body.get("access_token").asText(),
                asked.plusSeconds(body.path("expires_in").asLong(0)));
    }

    static ApiAnswer send(HttpClient http, HttpRequest request, String where) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw CliFailure.unreachable("cannot reach " + where + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable("interrupted while calling " + where);
        }
    }

    /** The JDK's client often wraps the telling exception ("Connection refused") in one without a message. */
    static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (cause instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return e instanceof ConnectException || cause instanceof ClosedChannelException
                ? "connection refused" : cause.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
