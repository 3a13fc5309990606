package dev.keyledger.infrastructure.logging;

import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The public port's access log, one line per request through the service's own logging, so it is JSON when the
 * console log is (ECS fields {@code http.request.method}, {@code url.path}, {@code http.response.status_code},
 * {@code http.response.body.bytes}, {@code event.duration} in nanoseconds, {@code client.address}) and carries the
 * request's correlation id. It never writes the query string or a header: a client may put its secret in the
 * former (the token endpoint refuses it, but the line would be written first) and the latter hold credentials.
 * Tomcat calls it for every request, also those it refuses itself before any filter runs.
 */
public final class AccessLogValve extends ValveBase implements AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("keyledger.access");
    /** Paths are at most this long in the log: a long one is the client's, and the log is not its storage. */
    private static final int MAX_PATH = 256;

    private final String resolvedAddressAttribute;

    /** @param resolvedAddressAttribute the request attribute holding the address believed for a proxied request */
    public AccessLogValve(String resolvedAddressAttribute) {
        super(true);
        this.resolvedAddressAttribute = resolvedAddressAttribute;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
    }

    @Override
    public void log(Request request, Response response, long time) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String method = request.getMethod();
        String path = path(request.getRequestURI());
        int status = response.getStatus();
        long bytes = response.getBytesWritten(false);
        String address = request.getAttribute(resolvedAddressAttribute) instanceof String resolved
                ? resolved : request.getRemoteAddr();
        String outer = MDC.get(CorrelationIds.LOG_KEY);
        MDC.put(CorrelationIds.LOG_KEY, CorrelationIds.of(request));
        try {
            LOG.atInfo()
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", status)
                    .addKeyValue("http.response.body.bytes", bytes)
                    .addKeyValue("event.duration", time)
                    .addKeyValue("client.address", address)
                    .log("{} {} {} {} bytes {} ms from {}", method, path, status, bytes,
                            TimeUnit.NANOSECONDS.toMillis(time), address);
        } finally {
            if (outer == null) {
                MDC.remove(CorrelationIds.LOG_KEY);
            } else {
                MDC.put(CorrelationIds.LOG_KEY, outer);
            }
        }
    }

    private static String path(String uri) {
        if (uri == null) {
            return "";
        }
        return uri.length() <= MAX_PATH ? uri : uri.substring(0, MAX_PATH) + "...";
    }

    /** Nothing to switch: the line never holds request attributes other than the resolved address. */
    @Override
    public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return false;
    }
}
