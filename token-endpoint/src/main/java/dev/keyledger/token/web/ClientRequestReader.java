package dev.keyledger.token.web;

import dev.keyledger.token.authentication.ClientAssertion;
import dev.keyledger.token.authentication.ClientCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a POST to an OAuth endpoint (RFC 6749 §2.3.1, §3.2): a form body of at most {@value #LIMIT_BYTES} bytes, no
 * parameter twice (but the repeatable ones), no parameters in the query, at most one {@code Authorization} header,
 * and exactly one way of client authentication. Every violation is {@code invalid_request} (a body too large: 413).
 */
final class ClientRequestReader {

    static final int LIMIT_BYTES = 64 * 1024;
    private static final Set<String> REPEATABLE = Set.of("resource", "audience");
    private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED;
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientRequestReader() {
    }

    static ClientRequest read(HttpServletRequest request) {
        if (request.getQueryString() != null) {
            throw problem("parameters must be sent in the request body, not in the URI");
        }
        requireForm(request.getContentType());
        Map<String, List<String>> parameters = parameters(body(request));
        ClientCredentials basic = basic(authorization(request));
        String clientId = parameters.containsKey("client_id") ? parameters.get("client_id").get(0) : null;
        String secret = parameters.containsKey("client_secret") ? parameters.get("client_secret").get(0) : null;
        if (parameters.containsKey("client_assertion") || parameters.containsKey("client_assertion_type")) {
            return new ClientRequest(assertion(parameters, basic, clientId, secret), parameters);
        }
        if (basic != null) {
            if (clientId != null || secret != null) {
                throw problem("use one client authentication method: HTTP Basic or client_secret in the body");
            }
            return new ClientRequest(basic, parameters);
        }
        if (secret != null && clientId == null) {
            throw problem("client_secret without client_id");
        }
        ClientCredentials post = clientId != null && secret != null
                ? new ClientCredentials(clientId, secret, ClientCredentials.Method.CLIENT_SECRET_POST)
                : null;
        return new ClientRequest(post, parameters);
    }

    /**
     * RFC 7521 §4.2: both assertion parameters, the type the JWT bearer one, and no other client authentication
     * beside them. The client is the one the assertion claims; a {@code client_id} given too must name it, which the
     * authenticator checks with the rest of the assertion.
     */
    private static ClientCredentials assertion(Map<String, List<String>> parameters, ClientCredentials basic,
                                               String clientId, String secret) {
        if (basic != null || secret != null) {
            throw problem("use one client authentication method: a client assertion or a client secret");
        }
        List<String> type = parameters.get("client_assertion_type");
        List<String> assertion = parameters.get("client_assertion");
        if (type == null || assertion == null) {
            throw problem("client_assertion and client_assertion_type go together");
        }
        if (!type.get(0).equals(JWT_BEARER)) {
            throw problem("client_assertion_type must be " + JWT_BEARER);
        }
        String claimed = clientId != null ? clientId : ClientAssertion.claimedSubject(assertion.get(0));
        return new ClientCredentials(claimed, assertion.get(0), ClientCredentials.Method.PRIVATE_KEY_JWT);
    }

    private static void requireForm(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            boolean utf8 = type != null && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
            if (type == null || !FORM.equalsTypeAndSubtype(type) || !utf8) {
                throw problem("the body must be application/x-www-form-urlencoded (UTF-8)");
            }
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException too
            throw problem("the body must be application/x-www-form-urlencoded (UTF-8)");
        }
    }

    private static byte[] body(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > LIMIT_BYTES) {
            throw new OAuthProblem(new OAuthError(413, "invalid_request", "the body exceeds 64 KiB", false, 0));
        }
        try {
            // A declared length is read into a buffer of exactly that size: the token path allocates nothing more.
            byte[] body = declared >= 0
                    ? request.getInputStream().readNBytes((int) declared)
                    : request.getInputStream().readNBytes(LIMIT_BYTES + 1);
            if (body.length > LIMIT_BYTES) {
                throw new OAuthProblem(new OAuthError(413, "invalid_request", "the body exceeds 64 KiB", false, 0));
            }
            return body;
        } catch (IOException e) {
            throw problem("the body could not be read");
        }
    }

    private static Map<String, List<String>> parameters(byte[] body) {
        Map<String, List<String>> parsed;
        try {
            parsed = FormBody.parse(body);
        } catch (IllegalArgumentException e) {
            throw problem("the body is not valid UTF-8 form encoding: " + e.getMessage());
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parsed.forEach((name, values) -> {
            List<String> present = values.stream().filter(value -> !value.isEmpty()).toList();
            if (present.size() > 1 && !REPEATABLE.contains(name)) {
                throw problem("parameter " + safe(name) + " is repeated");
            }
            if (!present.isEmpty()) {
                parameters.put(name, present);
            }
        });
        return parameters;
    }

    /** The Authorization header; given twice it is refused, as a repeated parameter is: which one counts is unclear. */
    private static String authorization(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("Authorization");
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (values.hasMoreElements()) {
            throw problem("the Authorization header is given more than once");
        }
        return first;
    }

    /**
     * The credentials of an HTTP Basic header (RFC 7617), {@code null} for no header or another scheme. The scheme
     * without credentials ({@code Basic}, or {@code Basic } which arrives trimmed) is a malformed Basic header.
     */
    private static ClientCredentials basic(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        int end = space < 0 ? authorization.length() : space;
        if (!authorization.substring(0, end).equalsIgnoreCase("Basic")) {
            return null;
        }
        String credentials = authorization.substring(end).trim();
        if (credentials.isEmpty()) {
            throw problem("the Basic header carries no credentials");
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(credentials);
            int colon = indexOf(decoded, (byte) ':');
            if (colon < 0) {
                throw problem("the Basic credentials have no ':'");
            }
            String clientId = FormBody.decode(decoded, 0, colon);
            String secret = FormBody.decode(decoded, colon + 1, decoded.length);
            if (clientId.isEmpty() || secret.isEmpty()) {
                throw problem("the Basic credentials lack a client id or secret");
            }
            return new ClientCredentials(clientId, secret, ClientCredentials.Method.CLIENT_SECRET_BASIC);
        } catch (IllegalArgumentException e) {
            throw problem("the Basic credentials are malformed");
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A parameter name fit to echo: printable ASCII, at most 40 characters. */
    private static String safe(String name) {
        String printable = name.replaceAll("[^\\x21-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    private static OAuthProblem problem(String description) {
        return new OAuthProblem(OAuthError.invalidRequest(description));
    }
}
