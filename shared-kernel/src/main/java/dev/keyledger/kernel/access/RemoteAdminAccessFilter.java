package dev.keyledger.kernel.access;

import dev.keyledger.kernel.Problems;
import dev.keyledger.kernel.audit.AdminCaller;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards the admin API of a node that runs apart from the token endpoint: every request is checked by a token
 * endpoint node ({@link AdminAccessCheck}), which answers with the caller's client id or with the 401/403 the caller
 * gets verbatim. The nodes are tried in turn, so one token endpoint node down costs nothing; none reachable is a
 * 503, never an open door.
 */
public final class RemoteAdminAccessFilter implements Filter {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<URI> checks;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();

    /** @param tokenEndpoints base URLs of token endpoint nodes, such as {@code http://token-endpoint:8080} */
    public RemoteAdminAccessFilter(List<URI> tokenEndpoints) {
        if (tokenEndpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one token endpoint is needed to check admin access");
        }
        this.checks = tokenEndpoints.stream().map(base -> base.resolve(AdminAccessCheck.PATH.substring(1))).toList();
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @param tokenEndpoints comma-separated base URLs, as {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS} gives them */
    public static RemoteAdminAccessFilter forEndpoints(String tokenEndpoints) {
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
        return new RemoteAdminAccessFilter(bases);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        HttpResponse<byte[]> verdict = ask(request);
        if (verdict == null) {
            response.setHeader("Retry-After", "1");
            writeProblem(response, 503, "admin-access-unavailable", "Service Unavailable",
                    "no token endpoint answered the admin access check; try again shortly");
            return;
        }
        String caller = verdict.headers().firstValue(AdminAccessCheck.CALLER_HEADER).orElse(null);
        if (verdict.statusCode() == 204 && caller != null) {
            request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, caller);
            chain.doFilter(request, response);
            return;
        }
        if (verdict.statusCode() == 401 || verdict.statusCode() == 403) {
            response.setStatus(verdict.statusCode());
            verdict.headers().firstValue("WWW-Authenticate")
                    .ifPresent(value -> response.setHeader("WWW-Authenticate", value));
            response.setContentType(verdict.headers().firstValue("Content-Type").orElse("application/problem+json"));
            response.getOutputStream().write(verdict.body());
            return;
        }
        writeProblem(response, 503, "admin-access-unavailable", "Service Unavailable",
                "the admin access check gave an unexpected answer; try again shortly");
    }

    /** The first answer of a token endpoint node, starting with the next in turn; {@code null} if none answered. */
    private HttpResponse<byte[]> ask(HttpServletRequest request) throws IOException {
        int first = Math.floorMod(next.getAndIncrement(), checks.size());
        for (int i = 0; i < checks.size(); i++) {
            HttpRequest.Builder check = HttpRequest.newBuilder(checks.get((first + i) % checks.size()))
                    .timeout(TIMEOUT)
                    .header(AdminAccessCheck.METHOD_HEADER, request.getMethod())
                    .header(AdminAccessCheck.PATH_HEADER, request.getRequestURI())
                    .GET();
            String authorization = request.getHeader("Authorization");
            if (authorization != null) {
                check.header("Authorization", authorization);
            }
            try {
                HttpResponse<byte[]> answer = http.send(check.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() < 500) {
                    return answer;
                }
            } catch (IOException e) {
                // This node is down or slow: the next one decides.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while checking admin access", e);
            }
        }
        return null;
    }

    private static void writeProblem(HttpServletResponse response, int status, String slug, String title,
                                     String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        String body = "{\"type\":\"" + Problems.TYPE_BASE + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
