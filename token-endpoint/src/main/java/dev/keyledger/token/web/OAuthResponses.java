package dev.keyledger.token.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes OAuth answers: JSON, never cached (RFC 6749 §5.1), errors in the RFC's own shape. */
final class OAuthResponses {

    private final ObjectMapper json;

    OAuthResponses(ObjectMapper json) {
        this.json = json;
    }

    void ok(HttpServletResponse response, Object body) throws IOException {
        write(response, 200, body);
    }

    void error(HttpServletResponse response, OAuthError error) throws IOException {
        if (error.challenge()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"keyledger\"");
        }
        if (error.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        write(response, error.status(), body);
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
