package dev.keyledger.infrastructure.logging;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id} when it is a short token of safe characters
 * (it is stored in every event the request causes, shown in the audit trail and written in log lines), else a new
 * UUID. Resolved once per request and kept on it, so the filter, the admin handlers and the access log agree.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    /** The key of the id in the logging context (MDC): a field of every JSON log line written while serving. */
    public static final String LOG_KEY = "correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationIds() {
    }

    public static String of(HttpServletRequest request) {
        if (request.getAttribute(HEADER) instanceof String known) {
            return known;
        }
        String offered = request.getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(HEADER, id);
        return id;
    }
}
