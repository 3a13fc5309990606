package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.kernel.audit.AdminCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves the {@link AuditContext} of an admin HTTP request. The actor is the client id that the token endpoint's
 * access filter authenticated ({@link AdminCaller}); a request without one is refused, so no write can happen on
 * behalf of nobody. The correlation id is the caller's {@code X-Correlation-Id} when it is a short token of safe
 * characters (it is stored in every event and shown in the audit trail and in log lines), else a new UUID.
 */
@Component
public class AdminRequests {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public AuditContext of(HttpServletRequest request) {
        if (!(request.getAttribute(AdminCaller.REQUEST_ATTRIBUTE) instanceof String actor)) {
            throw new Unauthenticated();
        }
        return new AuditContext(actor, correlationId(request), request.getRemoteAddr());
    }

    public static String correlationId(HttpServletRequest request) {
        Object known = request.getAttribute(CORRELATION_HEADER);
        if (known instanceof String id) {
            return id;
        }
        String offered = request.getHeader(CORRELATION_HEADER);
        String id = offered != null && SANE_CORRELATION_ID.matcher(offered).matches()
                ? offered : UUID.randomUUID().toString();
        request.setAttribute(CORRELATION_HEADER, id);
        return id;
    }
}
