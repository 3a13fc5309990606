package dev.keyledger.token.web;

import dev.keyledger.token.authentication.Authentication;
import dev.keyledger.token.authentication.ClientAuthenticator;
import dev.keyledger.token.throttle.FailureThrottle;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Client authentication for introspection and revocation, with the same throttling as the token endpoint: a
 * secret can be guessed through any endpoint that checks it.
 */
final class CallerAuthentication {

    private final ClientAuthenticator authenticator;
    private final FailureThrottle throttle;

    CallerAuthentication(ClientAuthenticator authenticator, FailureThrottle throttle) {
        this.authenticator = authenticator;
        this.throttle = throttle;
    }

    /** The authenticated caller; throws the 401 or 429 answer otherwise. */
    Authentication authenticate(ClientRequest request, String address, Instant now) {
        if (request.credentials() == null) {
            throttle.recordFailure(address, "", now.toEpochMilli());
            throw new OAuthProblem(OAuthError.invalidClient(true));
        }
        String countedId = ClientIds.counted(request.credentials().clientId());
        OptionalLong retryAfter = throttle.retryAfter(address, countedId, now.toEpochMilli());
        if (retryAfter.isPresent()) {
            throw new OAuthProblem(OAuthError.slowDown(retryAfter.getAsLong()));
        }
        // No signing turns here: the request's own thread may wait for an issuer's keys.
        authenticator.prepare(request.credentials(), now);
        Authentication authentication = authenticator.confirm(
                authenticator.authenticate(request.credentials(), now), now);
        if (!authentication.succeeded()) {
            throttle.recordFailure(address, countedId, now.toEpochMilli());
            throw new OAuthProblem(OAuthError.invalidClient(request.usesBasic()));
        }
        return authentication;
    }
}
