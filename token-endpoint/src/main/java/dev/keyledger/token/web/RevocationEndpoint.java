package dev.keyledger.token.web;

import dev.keyledger.token.accesstoken.AccessTokenVerifier;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.accesstoken.VerifiedToken;
import dev.keyledger.token.authentication.Authentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /oauth2/revoke} (RFC 7009): a client revokes one of its own tokens, by its {@code jti}. Unknown,
 * malformed and expired tokens answer 200 (§2.2); another client's token is {@code unauthorized_client}.
 */
final class RevocationEndpoint {

    private final CallerAuthentication callers;
    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final OAuthResponses responses;

    RevocationEndpoint(CallerAuthentication callers, AccessTokenVerifier verifier, Revocations revocations,
                       OAuthResponses responses) {
        this.callers = callers;
        this.verifier = verifier;
        this.revocations = revocations;
        this.responses = responses;
    }

    void handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
        ClientRequest request = ClientRequestReader.read(http);
        Authentication caller = callers.authenticate(request, http.getRemoteAddr(), Instant.now());
        String token = request.single("token");
        if (token == null) {
            throw new OAuthProblem(OAuthError.invalidRequest("token is required"));
        }
        VerifiedToken verified = verifier.verify(token);
        if (verified != null) {
            if (!verified.clientId().equals(caller.client().clientId())) {
                throw new OAuthProblem(new OAuthError(400, "unauthorized_client",
                        "a client may revoke only its own tokens", false, 0));
            }
            revocations.revoke(verified);
        }
        responses.ok(response, Map.of());
    }
}
