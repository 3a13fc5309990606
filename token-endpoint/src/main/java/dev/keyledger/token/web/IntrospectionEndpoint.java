package dev.keyledger.token.web;

import dev.keyledger.kernel.audit.AdminPermissions;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.token.accesstoken.AccessTokenVerifier;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.accesstoken.VerifiedToken;
import dev.keyledger.token.authentication.Authentication;
import dev.keyledger.token.authentication.ClientAuthCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth2/introspect} (RFC 7662). The caller must hold {@value #PERMISSION} or ask about its own token.
 * A token is active only while its signature verifies with a published key, it has not expired, it was not revoked,
 * and its client is still active; otherwise the answer is {@code {"active": false}} and nothing else.
 */
final class IntrospectionEndpoint {

    static final String PERMISSION = AdminPermissions.TOKENS_INTROSPECT;

    private final CallerAuthentication callers;
    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final ClientAuthCache clients;
    private final OAuthResponses responses;

    IntrospectionEndpoint(CallerAuthentication callers, AccessTokenVerifier verifier, Revocations revocations,
                          ClientAuthCache clients, OAuthResponses responses) {
        this.callers = callers;
        this.verifier = verifier;
        this.revocations = revocations;
        this.clients = clients;
        this.responses = responses;
    }

    void handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
        Instant now = Instant.now();
        ClientRequest request = ClientRequestReader.read(http);
        Authentication caller = callers.authenticate(request, http.getRemoteAddr(), now);
        String token = request.single("token");
        if (token == null) {
            throw new OAuthProblem(OAuthError.invalidRequest("token is required"));
        }
        VerifiedToken verified = verifier.verify(token);
        boolean mayIntrospect = caller.client().permissions().contains(PERMISSION)
                || verified != null && verified.clientId().equals(caller.client().clientId());
        if (!mayIntrospect) {
            throw new OAuthProblem(new OAuthError(403, "access_denied",
                    "introspection needs " + PERMISSION + " or a token of the caller's own", false, 0));
        }
        if (verified == null || !isActive(verified)) {
            responses.ok(response, Map.of("active", false));
            return;
        }
        responses.ok(response, claims(verified));
    }

    private boolean isActive(VerifiedToken token) {
        boolean clientActive = clients.find(token.clientId())
                .map(client -> client.status() == ClientStatus.ACTIVE)
                .orElse(false);
        return clientActive && !revocations.isRevoked(token.jti());
    }

    private static Map<String, Object> claims(VerifiedToken token) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("active", true);
        if (token.scopeString() != null) {
            claims.put("scope", token.scopeString());
        }
        claims.put("client_id", token.clientId());
        claims.put("sub", token.clientId());
        claims.put("aud", token.audience().size() == 1 ? token.audience().get(0) : token.audience());
        claims.put("iss", token.issuer());
        claims.put("exp", token.expiresAt().getEpochSecond());
        claims.put("iat", token.issuedAt().getEpochSecond());
        if (token.notBefore() != null) {
            claims.put("nbf", token.notBefore().getEpochSecond());
        }
        claims.put("jti", token.jti());
        claims.put("token_type", "Bearer");
        claims.put("roles", token.roles());
        return claims;
    }
}
