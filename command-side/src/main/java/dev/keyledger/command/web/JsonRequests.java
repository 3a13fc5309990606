package dev.keyledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** Reads admin request bodies: at most {@value #LIMIT_BYTES} bytes, whatever Content-Length claims, and JSON. */
final class JsonRequests {

    static final int LIMIT_BYTES = 64 * 1024;

    private JsonRequests() {
    }

    /** The raw body (empty when there is none); a non-empty body must be declared as JSON. */
    static byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > LIMIT_BYTES) {
            throw new BodyTooLarge();
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(LIMIT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > LIMIT_BYTES) {
            throw new BodyTooLarge();
        }
        if (body.length > 0 && !isJson(request.getContentType())) {
            ErrorResponseException unsupported = new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            unsupported.setDetail("the request body must be application/json");
            throw unsupported;
        }
        return body;
    }

    /** The body as a strict JSON object; a missing body reads as {@code {}} when {@code emptyAllowed}. */
    static JsonBody object(HttpServletRequest request, boolean emptyAllowed) {
        return JsonBody.parse(read(request), emptyAllowed);
    }

    /** Endpoints without a body still refuse one that names fields: nothing is silently ignored. */
    static void requireNoFields(HttpServletRequest request) {
        object(request, true).accept(Set.of(), Set.of()).validate();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A body over {@value #LIMIT_BYTES} bytes: 413. */
    static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge() {
            super("the request body exceeds " + LIMIT_BYTES + " bytes", null, false, false);
        }
    }
}
