package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.infrastructure.logging.CorrelationIds;
import dev.keyledger.kernel.audit.AdminCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@link AuditContext} of an admin HTTP request. The actor is the client id that the token endpoint's
 * access filter authenticated ({@link AdminCaller}); a request without one is refused, so no write can happen on
 * behalf of nobody. The correlation id is the request's ({@link CorrelationIds}: the caller's {@code X-Correlation-Id}
 * when it is a short token of safe characters, else a new UUID), the same one its log lines carry.
 */
@Component
public class AdminRequests {

    public AuditContext of(HttpServletRequest request) {
        if (!(request.getAttribute(AdminCaller.REQUEST_ATTRIBUTE) instanceof String actor)) {
            throw new Unauthenticated();
        }
        return new AuditContext(actor, CorrelationIds.of(request), request.getRemoteAddr());
    }
}
