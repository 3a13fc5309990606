package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.api.Problems;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of an admin access decision: the caller's client id, or the problem+json to answer with.
 *
 * @param caller    the allowed caller's client id; {@code null} when refused
 * @param challenge the {@code WWW-Authenticate} value of a 401, else {@code null}
 */
public record AccessVerdict(String caller, int status, String slug, String title, String detail, String challenge) {

    private static final String REALM = "Bearer realm=\"keyledger\"";

    public static AccessVerdict allowed(String clientId) {
        return new AccessVerdict(clientId, 204, null, null, null, null);
    }

    /** No token at all: the challenge names no error (RFC 6750 §3.1). */
    public static AccessVerdict unauthenticated(String detail) {
        return refused(401, detail, REALM);
    }

    /** A token that is not a live admin token of ours. */
    public static AccessVerdict invalidToken(String detail) {
        return refused(401, detail, REALM + ", error=\"invalid_token\"");
    }

    public static AccessVerdict malformedRequest(String detail) {
        return refused(400, detail, REALM + ", error=\"invalid_request\"");
    }

    public static AccessVerdict forbidden(String detail) {
        return refused(403, detail, null);
    }

    public static AccessVerdict unavailable(String detail) {
        return refused(503, detail, null);
    }

    /** A refusal with the given status (400, 401, 403 or 503), as this side answers it or relays another's. */
    public static AccessVerdict refused(int status, String detail, String challenge) {
        return switch (status) {
            case 400 -> new AccessVerdict(null, 400, "invalid-request", "Bad Request", detail, challenge);
            case 403 -> new AccessVerdict(null, 403, "forbidden", "Forbidden", detail, null);
            case 503 -> new AccessVerdict(null, 503, "admin-access-unavailable", "Service Unavailable", detail, null);
            default -> new AccessVerdict(null, 401, "unauthorized", "Unauthorized", detail,
                    challenge == null ? REALM : challenge);
        };
    }

    public boolean isAllowed() {
        return caller != null;
    }

    public void writeRefusal(HttpServletResponse response, ObjectMapper json) throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        if (status == 503) {
            response.setHeader("Retry-After", "1");
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
