package dev.keyledger.infrastructure.web;

import dev.keyledger.infrastructure.api.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An answer the edge gives before any endpoint sees the request, in the format of the endpoint that would have
 * answered: an OAuth error (RFC 6749 §5.2) under {@code /oauth2/}, a problem document (RFC 9457) elsewhere. Details
 * are fixed texts of ours, free of quotes and backslashes: nothing from the request is echoed.
 */
record EdgeRefusal(int status, String contentType, boolean oauth, String body) {

    static EdgeRefusal of(int status, String rawPath, String slug, String detail) {
        if (rawPath != null && rawPath.startsWith("/oauth2/")) {
            String error = status >= 500 ? "server_error" : "invalid_request";
            return new EdgeRefusal(status, "application/json", true,
                    "{\"error\":\"" + error + "\",\"error_description\":\"" + detail + "\"}");
        }
        HttpStatus known = HttpStatus.resolve(status);
        return new EdgeRefusal(status, "application/problem+json", false,
                "{\"type\":\"" + Problems.TYPE_BASE + slug + "\",\"title\":\""
                        + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        if (oauth) {
            response.setHeader("Cache-Control", "no-store");
        }
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
