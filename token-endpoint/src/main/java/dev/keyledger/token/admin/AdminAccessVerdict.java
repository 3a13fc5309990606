package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.Problems;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of an admin access decision: the caller's client id, or the 401/403 problem+json to answer with.
 *
 * @param caller         the allowed caller's client id; {@code null} when refused
 * @param challengeError the {@code error} parameter of the 401 challenge (empty, or {@code , error="invalid_token"})
 */
record AdminAccessVerdict(String caller, int status, String slug, String title, String detail, String challengeError) {

    static AdminAccessVerdict allowed(String clientId) {
        return new AdminAccessVerdict(clientId, 204, null, null, null, null);
    }

    static AdminAccessVerdict unauthorized(String detail, String challengeError) {
        return new AdminAccessVerdict(null, 401, "unauthorized", "Unauthorized", detail, challengeError);
    }

    static AdminAccessVerdict forbidden(String detail) {
        return new AdminAccessVerdict(null, 403, "forbidden", "Forbidden", detail, null);
    }

    boolean isAllowed() {
        return caller != null;
    }

    void writeRefusal(HttpServletResponse response, ObjectMapper json) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"keyledger\"" + challengeError);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), body);
    }
}
