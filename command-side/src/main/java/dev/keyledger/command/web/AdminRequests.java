package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves the {@link AuditContext} of an admin HTTP request. The correlation id is the caller's {@code X-Correlation-Id}
 * when it is a sane token, else a new UUID; either way it is echoed in the answer.
 *
 * <p>Until the admin API is protected by Keyledger's own tokens, there is no authenticated caller: the actor is
 * {@value #UNAUTHENTICATED} and the service listens on loopback only.
 */
@Component
public class AdminRequests {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String UNAUTHENTICATED = "unauthenticated";
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public AuditContext of(HttpServletRequest request) {
        return new AuditContext(UNAUTHENTICATED, correlationId(request), request.getRemoteAddr());
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
