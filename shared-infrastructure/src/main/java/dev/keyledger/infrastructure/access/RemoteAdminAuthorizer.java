package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admin access for a node that runs apart from the token endpoint: a token endpoint node decides
 * ({@link AdminAccessCheck}), and its allowing answer counts only with a valid {@link CheckSignature} for this
 * request's nonce. The nodes are tried in turn, so one node down costs nothing; none answering believably is a 503,
 * never an open door.
 */
public final class RemoteAdminAuthorizer implements AdminAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteAdminAuthorizer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<URI> checks;
    private final CheckSignature signature;
    private final ObjectMapper json;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();

    /** @param tokenEndpoints base URLs of token endpoint nodes, such as {@code http://token-endpoint:8080/} */
    public RemoteAdminAuthorizer(List<URI> tokenEndpoints, CheckSignature signature, ObjectMapper json) {
        if (tokenEndpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one token endpoint is needed to check admin access");
        }
        this.checks = tokenEndpoints.stream().map(base -> base.resolve(AdminAccessCheck.PATH.substring(1))).toList();
        this.signature = signature;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @param tokenEndpoints comma-separated base URLs, as {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS} gives them */
    public static RemoteAdminAuthorizer forEndpoints(String tokenEndpoints, CheckSignature signature,
                                                     ObjectMapper json) {
        List<URI> bases = Arrays.stream(tokenEndpoints.split(","))
                .map(String::trim)
                .filter(base -> !base.isEmpty())
                .map(base -> URI.create(base.endsWith("/") ? base : base + "/"))
                .toList();
        for (URI base : bases) {
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) base URL of a token endpoint: " + base);
            }
        }
        return new RemoteAdminAuthorizer(bases, signature, json);
    }

    @Override
    public AccessVerdict authorize(String authorization, String permission) {
        int first = Math.floorMod(next.getAndIncrement(), checks.size());
        for (int i = 0; i < checks.size(); i++) {
            URI check = checks.get((first + i) % checks.size());
            AccessVerdict verdict = ask(check, authorization, permission);
            if (verdict != null) {
                return verdict;
            }
        }
        return AccessVerdict.unavailable("no token endpoint answered the admin access check; try again shortly");
    }

    /** The verdict of one node, or {@code null} when it gave none worth believing. */
    private AccessVerdict ask(URI check, String authorization, String permission) {
        String nonce = CheckSignature.newNonce();
        HttpRequest.Builder request = HttpRequest.newBuilder(check)
                .timeout(TIMEOUT)
                .header(AdminAccessCheck.PERMISSION_HEADER, permission)
                .header(AdminAccessCheck.NONCE_HEADER, nonce)
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null; // this node is down or slow: the next one decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AccessVerdict.unavailable("interrupted while checking admin access");
        }
        int status = answer.statusCode();
        if (status == 204) {
            String caller = answer.headers().firstValue(AdminAccessCheck.CALLER_HEADER).orElse(null);
            String signed = answer.headers().firstValue(AdminAccessCheck.SIGNATURE_HEADER).orElse(null);
            if (caller != null && signature.verify(signed, nonce, permission, caller)) {
                return AccessVerdict.allowed(caller);
            }
            LOG.warn("{} allowed an admin call without a valid signature; not believed (a forged answer, or nodes "
                    + "configured with different key-encryption keys)", check);
            return null;
        }
        if (status == 400 || status == 401 || status == 403) {
            return relayed(answer);
        }
        return null;
    }

    private AccessVerdict relayed(HttpResponse<byte[]> answer) {
        String detail = "refused by the admin access check";
        try {
            detail = json.readTree(answer.body()).path("detail").asText(detail);
        } catch (IOException e) {
            // The status alone decides; the generic detail is enough.
        }
        return AccessVerdict.refused(answer.statusCode(), detail,
                answer.headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
