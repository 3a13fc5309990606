package dev.keyledger.token.web;

import dev.keyledger.token.accesstoken.AccessTokenIssuer;
import dev.keyledger.token.accesstoken.IssuedToken;
import dev.keyledger.token.authentication.Authentication;
import dev.keyledger.token.authentication.ClientAuthenticator;
import dev.keyledger.token.authentication.ClientCredentials;
import dev.keyledger.token.authentication.FederatedRule;
import dev.keyledger.token.authentication.StoredKey;
import dev.keyledger.token.authentication.StoredSecret;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.grant.Grant;
import dev.keyledger.token.grant.GrantDecision;
import dev.keyledger.token.grant.GrantRefused;
import dev.keyledger.token.grant.GrantResolver;
import dev.keyledger.token.issuance.IssuanceLog;
import dev.keyledger.token.issuance.IssuanceRecord;
import dev.keyledger.token.issuance.Outcome;
import dev.keyledger.token.metrics.TokenMetrics;
import dev.keyledger.token.metrics.TokenRequestOutcome;
import dev.keyledger.token.throttle.FailureThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code POST /oauth2/token}, the client credentials grant (RFC 6749 §4.4): read → throttle → authenticate →
 * resolve the grant → sign → answer, every outcome in the issuance log and in the metrics. Nothing in a signing turn
 * waits for the database or the network: an external issuer's keys are fetched before the turn, and a verified
 * assertion's {@code jti} is recorded between two turns, on the request's own thread.
 */
final class TokenEndpoint {

    private final ClientAuthenticator authenticator;
    private final FailureThrottle throttle;
    private final AccessTokenIssuer issuer;
    private final IssuanceLog log;
    private final TokenSettings settings;
    private final SigningTurns turns;
    private final OAuthResponses responses;
    private final TokenMetrics metrics;

    TokenEndpoint(ClientAuthenticator authenticator, FailureThrottle throttle, AccessTokenIssuer issuer,
                  IssuanceLog log, TokenSettings settings, SigningTurns turns, OAuthResponses responses,
                  TokenMetrics metrics) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.issuer = issuer;
        this.log = log;
        this.settings = settings;
        this.turns = turns;
        this.responses = responses;
        this.metrics = metrics;
    }

    void handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        // Whatever escapes (a missing signing key, a failure) is answered by the servlet as the server's error.
        TokenRequestOutcome outcome = TokenRequestOutcome.SERVER_ERROR;
        try {
            ClientRequest request = ClientRequestReader.read(http);
            String address = http.getRemoteAddr();
            Instant arrived = Instant.now();
            // Only an assertion has anything to prepare (an issuer's keys), and a throttled caller makes Keyledger wait
            // for no issuer: its answer (in the turn) is slow_down anyway. Secrets skip this look-up of the throttle.
            ClientCredentials credentials = request.credentials();
            if (credentials != null && credentials.method() == ClientCredentials.Method.PRIVATE_KEY_JWT
                    && throttle.retryAfter(address, ClientIds.counted(credentials.clientId()),
                    arrived.toEpochMilli()).isEmpty()) {
                authenticator.prepare(credentials, arrived);
            }
            TokenAnswer answer = turns.run(() -> answer(request, address, Instant.now()));
            if (answer.awaiting() != null) {
                // The assertion's jti is recorded here, on the request's own thread: the database is no turn's work.
                Instant now = Instant.now();
                Authentication confirmed = authenticator.confirm(answer.awaiting(), now);
                answer = confirmed.succeeded() ? turns.run(() -> issue(request, confirmed, address, Instant.now()))
                        : refused(request, confirmed, address, now);
            }
            if (answer.error() != null) {
                outcome = TokenRequestOutcome.ofError(answer.error().error());
                responses.error(response, answer.error());
            } else {
                outcome = TokenRequestOutcome.ISSUED;
                responses.ok(response, answer.token());
            }
        } catch (OAuthProblem problem) {
            outcome = TokenRequestOutcome.ofError(problem.error().error());
            throw problem;
        } finally {
            metrics.recordRequest(outcome, System.nanoTime() - started);
        }
    }

    private TokenAnswer answer(ClientRequest request, String address, Instant now) {
        ClientCredentials credentials = request.credentials();
        if (credentials == null) {
            throttle.recordFailure(address, "", now.toEpochMilli());
            log.record(IssuanceRecord.failed(now, null, Outcome.FAILED, address, "no-authentication"));
            return TokenAnswer.refused(OAuthError.invalidClient(true));
        }
        String loggedId = ClientIds.loggable(credentials.clientId());
        String countedId = ClientIds.counted(credentials.clientId());
        OptionalLong retryAfter = throttle.retryAfter(address, countedId, now.toEpochMilli());
        if (retryAfter.isPresent()) {
            log.record(IssuanceRecord.failed(now, loggedId, Outcome.THROTTLED, address, "throttled"));
            return TokenAnswer.refused(OAuthError.slowDown(retryAfter.getAsLong()));
        }
        Authentication authentication = authenticator.authenticate(credentials, now);
        if (authentication.failureReason() != null) {
            return refused(request, authentication, address, now);
        }
        if (authentication.pendingUse() != null) {
            return TokenAnswer.awaiting(authentication);
        }
        return issue(request, authentication, address, now);
    }

    private TokenAnswer refused(ClientRequest request, Authentication authentication, String address, Instant now) {
        throttle.recordFailure(address, ClientIds.counted(request.credentials().clientId()), now.toEpochMilli());
        log.record(IssuanceRecord.failed(now, ClientIds.loggable(request.credentials().clientId()), Outcome.FAILED,
                address, authentication.failureReason()));
        return TokenAnswer.refused(OAuthError.invalidClient(request.usesBasic()));
    }

    private TokenAnswer issue(ClientRequest request, Authentication authentication, String address, Instant now) {
        String loggedId = ClientIds.loggable(request.credentials().clientId());
        String grantType = request.single("grant_type");
        if (grantType == null) {
            return refuse(now, loggedId, address, OAuthError.invalidRequest("grant_type is required"));
        }
        if (!grantType.equals("client_credentials")) {
            return refuse(now, loggedId, address, new OAuthError(400, "unsupported_grant_type",
                    "only client_credentials is supported", false, 0));
        }
        List<String> audiences = new ArrayList<>(request.all("resource"));
        audiences.addAll(request.all("audience"));
        GrantDecision decision = GrantResolver.resolve(authentication.client(), request.single("scope"), audiences,
                settings.issuer(), settings.defaultAudience());
        if (decision instanceof GrantRefused refused) {
            return refuse(now, loggedId, address, new OAuthError(400, refused.error(), refused.description(),
                    false, 0));
        }
        Grant grant = (Grant) decision;
        long signingStarted = System.nanoTime();
        IssuedToken token = issuer.issue(authentication.client(), grant, now);
        metrics.recordSigning(System.nanoTime() - signingStarted);
        StoredSecret secret = authentication.secret();
        StoredKey key = authentication.key();
        FederatedRule federated = authentication.federated();
        log.record(new IssuanceRecord(now, loggedId, Outcome.ISSUED, token.jti(),
                secret == null ? null : secret.secretId(), secret == null ? null : secret.slot(),
                key == null ? null : key.keyId(), federated == null ? null : federated.credentialId(),
                grant.scopeString(), grant.audiences(), address, null));
        return TokenAnswer.issued(new TokenResponse(token.value(), "Bearer",
                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(), grant.scopeString()));
    }

    private TokenAnswer refuse(Instant now, String clientId, String address, OAuthError error) {
        log.record(IssuanceRecord.failed(now, clientId, Outcome.FAILED, address, error.error()));
        return TokenAnswer.refused(error);
    }
}
