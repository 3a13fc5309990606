package dev.keyledger.token.web;

import dev.keyledger.token.jose.NoActiveSigningKey;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Serves {@code /oauth2/*} outside Spring MVC: the token endpoint is the hot path, and every answer here, errors
 * included, must be an OAuth answer, which the admin API's problem+json handling must never produce.
 */
final class OAuthServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthServlet.class);

    private final transient TokenEndpoint token;
    private final transient IntrospectionEndpoint introspection;
    private final transient RevocationEndpoint revocation;
    private final transient OAuthResponses responses;

    OAuthServlet(TokenEndpoint token, IntrospectionEndpoint introspection, RevocationEndpoint revocation,
                 OAuthResponses responses) {
        this.token = token;
        this.introspection = introspection;
        this.revocation = revocation;
        this.responses = responses;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (!path.equals("/token") && !path.equals("/introspect") && !path.equals("/revoke")) {
                responses.error(response, new OAuthError(404, "invalid_request", "no such endpoint", false, 0));
                return;
            }
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                responses.error(response, new OAuthError(405, "invalid_request", "use POST", false, 0));
                return;
            }
            switch (path) {
                case "/token" -> token.handle(request, response);
                case "/introspect" -> introspection.handle(request, response);
                default -> revocation.handle(request, response);
            }
        } catch (OAuthProblem problem) {
            responses.error(response, problem.error());
        } catch (NoActiveSigningKey e) {
            // Only in the first moments of a brand-new deployment, before its first key is active.
            responses.error(response, new OAuthError(503, "temporarily_unavailable", "no signing key is active yet",
                    false, 1));
        } catch (RuntimeException e) {
            LOG.error("OAuth request failed unexpectedly: {}: {}", e.getClass().getName(), e.getMessage());
            responses.error(response, new OAuthError(500, "server_error", null, false, 0));
        }
    }
}
