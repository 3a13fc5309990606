package dev.keyledger.infrastructure.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's answer to what it refuses before any filter runs (an escaped '/', '%00', a malformed escape, a dot
 * segment above the root, a backslash, an invalid request line): the services' formats ({@link EdgeRefusal}) instead
 * of Tomcat's HTML page. Never a stack trace or a server version.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        EdgeRefusal refusal = status >= 500
                ? EdgeRefusal.of(status, request.getRequestURI(), "internal-error", "the request could not be completed")
                : EdgeRefusal.of(status, request.getRequestURI(), "request-refused", "the request was refused by the server");
        try {
            response.setContentType(refusal.contentType());
            response.setCharacterEncoding("UTF-8");
            if (refusal.oauth()) {
                response.setHeader("Cache-Control", "no-store");
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(refusal.body());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was already under way: nothing more can be said.
        }
    }
}
