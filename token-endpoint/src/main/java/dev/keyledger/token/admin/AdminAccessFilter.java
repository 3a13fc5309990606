package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AdminCaller;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.token.AccessTokenVerifier;
import dev.keyledger.token.token.Revocations;
import dev.keyledger.token.token.VerifiedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Protects the admin API with Keyledger's own access tokens: {@code Authorization: Bearer <token>} of a client that
 * is still active, not revoked, holding the permission the call needs. Answers 401/403 as problem+json, and
 * otherwise hands the caller's client id to the other sides as {@link AdminCaller#REQUEST_ATTRIBUTE}.
 */
final class AdminAccessFilter extends OncePerRequestFilter {

    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final ClientAuthCache clients;
    private final ObjectMapper json;

    AdminAccessFilter(AccessTokenVerifier verifier, Revocations revocations, ClientAuthCache clients,
                      ObjectMapper json) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.clients = clients;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, "the admin API needs Authorization: Bearer <access token issued by Keyledger>",
                    "");
            return;
        }
        VerifiedToken token = verifier.verify(authorization.substring(7).trim());
        if (token == null || revocations.isRevoked(token.jti()) || !isActive(token.clientId())) {
            unauthorized(response, "the access token is invalid, expired, revoked, or its client is not active",
                    ", error=\"invalid_token\"");
            return;
        }
        String permission = RequiredPermission.of(request.getMethod(), request.getRequestURI());
        if (permission != null && !token.scope().contains(permission)) {
            problem(response, 403, "forbidden", "Forbidden", "this call needs the permission " + permission);
            return;
        }
        request.setAttribute(AdminCaller.REQUEST_ATTRIBUTE, token.clientId());
        chain.doFilter(request, response);
    }

    private boolean isActive(String clientId) {
        return clients.find(clientId).map(client -> client.status() == ClientStatus.ACTIVE).orElse(false);
    }

    private void unauthorized(HttpServletResponse response, String detail, String errorParameter) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"keyledger\"" + errorParameter);
        problem(response, 401, "unauthorized", "Unauthorized", detail);
    }

    private void problem(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://keyledger.dev/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), body);
    }
}
