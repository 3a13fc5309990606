package dev.keyledger.token.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.infrastructure.federation.TrustedIssuer;
import dev.keyledger.infrastructure.jwk.InvalidJwk;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.infrastructure.thread.DaemonThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an issuer's JWK Set: from {@code /.well-known/openid-configuration}'s {@code jwks_uri} (whose
 * {@code issuer} must be the issuer itself), or from the URL or file the operator named. Only {@code https}, unless
 * {@code keyledger.federation.allow-insecure-loopback} lets tests serve an issuer over plain HTTP on the loopback
 * interface. No redirect is followed, a document must say it is JSON and stay under 256 KiB, and the whole fetch
 * (discovery and key set) ends within {@code keyledger.federation.fetch-timeout} for its caller, whatever the issuer
 * does.
 */
@Component
class JwksFetcher {

    private static final int MAX_BYTES = 256 * 1024;
    private static final Set<String> DISCOVERY_TYPES = Set.of("application/json");
    private static final Set<String> JWKS_TYPES = Set.of("application/json", "application/jwk-set+json");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;
    private final boolean allowInsecureLoopback;
    private final HttpClient http;
    private final ExecutorService fetches = Executors.newCachedThreadPool(DaemonThreads.named("federation-jwks-fetch"));

    JwksFetcher(@Value("${keyledger.federation.fetch-timeout:PT3S}") Duration timeout,
                @Value("${keyledger.federation.allow-insecure-loopback:false}") boolean allowInsecureLoopback) {
        this.timeout = timeout;
        this.allowInsecureLoopback = allowInsecureLoopback;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The issuer's usable signing keys by {@code kid}; keys Keyledger cannot verify with are left out. */
    Map<String, PublicJwk> fetch(TrustedIssuer issuer) throws JwksUnavailable {
        Future<Map<String, PublicJwk>> fetch = fetches.submit(() -> keys(issuer));
        try {
            return fetch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fetch.cancel(true);
            throw new JwksUnavailable("no answer within " + timeout);
        } catch (InterruptedException e) {
            fetch.cancel(true);
            Thread.currentThread().interrupt();
            throw new JwksUnavailable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JwksUnavailable unavailable) {
                throw unavailable;
            }
            throw new JwksUnavailable(e.getCause().getClass().getSimpleName());
        }
    }

    private Map<String, PublicJwk> keys(TrustedIssuer issuer) throws JwksUnavailable, IOException,
            InterruptedException {
        URI jwks = issuer.jwks().isPresent() ? issuer.jwks().get() : discover(issuer.issuer());
        String document = "file".equals(jwks.getScheme()) ? file(jwks) : get(jwks, JWKS_TYPES);
        Map<String, PublicJwk> keys = new LinkedHashMap<>();
        JsonNode set = JSON.readTree(document);
        if (set == null || !set.path("keys").isArray()) {
            throw new JwksUnavailable("the JWK Set has no keys array");
        }
        for (JsonNode member : set.get("keys")) {
            if (member instanceof ObjectNode jwk) {
                try {
                    PublicJwk key = PublicJwk.parse(jwk);
                    keys.putIfAbsent(key.kid(), key);
                } catch (InvalidJwk e) {
                    // An encryption key, another curve or a short RSA key: not one a token can be verified with.
                }
            }
        }
        if (keys.isEmpty()) {
            throw new JwksUnavailable("the JWK Set holds no usable signing key");
        }
        return keys;
    }

    private URI discover(String issuer) throws JwksUnavailable, IOException, InterruptedException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode configuration = JSON.readTree(get(URI.create(base + "/.well-known/openid-configuration"),
                DISCOVERY_TYPES));
        if (configuration == null || !issuer.equals(configuration.path("issuer").asText())) {
            throw new JwksUnavailable("the discovery document names another issuer");
        }
        if (!configuration.path("jwks_uri").isTextual()) {
            throw new JwksUnavailable("the discovery document has no jwks_uri");
        }
        try {
            return URI.create(configuration.get("jwks_uri").textValue());
        } catch (IllegalArgumentException e) {
            throw new JwksUnavailable("the discovery document's jwks_uri is not a URL");
        }
    }

    private String get(URI uri, Set<String> types) throws JwksUnavailable, IOException, InterruptedException {
        allowed(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new JwksUnavailable(uri + " answered " + response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("")
                    .split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!types.contains(type)) {
                throw new JwksUnavailable(uri + " answered with a content type other than " + types);
            }
            return limited(body);
        }
    }

    private void allowed(URI uri) throws JwksUnavailable {
        boolean https = "https".equals(uri.getScheme());
        boolean loopbackHttp = allowInsecureLoopback && "http".equals(uri.getScheme())
                && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
        if (!https && !loopbackHttp) {
            throw new JwksUnavailable(uri + " is not an https URL");
        }
    }

    private static String file(URI jwks) throws JwksUnavailable, IOException {
        try (InputStream in = Files.newInputStream(Path.of(jwks))) {
            return limited(in);
        }
    }

    private static String limited(InputStream in) throws JwksUnavailable, IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new JwksUnavailable("the document is larger than " + MAX_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
