package dev.keyledger.token.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.token.federation.IssuerKeys;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a client by a workload's own token (workload identity federation, API.md §1): a JWT from an
 * allow-listed issuer whose {@code iss}, {@code sub} and {@code aud} match one of the client's federated credentials,
 * signed by one of the issuer's keys, with {@code exp} in the future. The client is named by {@code client_id} (the
 * token's {@code sub} is the workload, not the client). Such a token may be presented again until it expires, as
 * its workload does, so no {@code jti} is recorded. Failures cost one signature verification whatever failed, and
 * their reason goes to the issuance log only.
 */
@Component
class FederatedTokenAuthenticator {

    private final ClientAuthCache cache;
    private final IssuerKeys issuerKeys;

    FederatedTokenAuthenticator(ClientAuthCache cache, IssuerKeys issuerKeys) {
        this.cache = cache;
        this.issuerKeys = issuerKeys;
    }

    boolean handles(String issuer) {
        return issuerKeys.trusts(issuer);
    }

    /**
     * Fetches the issuer's keys if this token needs them, whichever client it names: whether a fetch happens (and how
     * long the answer takes) must not tell whether that client trusts the issuer. The issuer is allow-listed, and
     * its minimum refresh interval bounds the fetches anyone can cause. It may wait on the network: call it outside
     * the signing turns, after the throttle check.
     */
    void prepare(ClientAssertion assertion, Instant now) {
        issuerKeys.prepare(assertion.text(assertion.claims(), "iss"), assertion.text(assertion.header(), "kid"), now);
    }

    Authentication authenticate(String clientId, ClientAssertion assertion, Instant now) {
        JsonNode claims = assertion.claims();
        String issuer = assertion.text(claims, "iss");
        String subject = assertion.text(claims, "sub");
        String alg = assertion.text(assertion.header(), "alg");
        if (!PublicJwk.ALGORITHMS.contains(alg)) {
            return refused(null, "assertion-algorithm-refused");
        }
        if (!ClientId.isValid(clientId) || clientId.equals(subject)) {
            AssertionAuthenticator.verifies(AssertionAuthenticator.decoy(alg), alg, assertion);
            return refused(null, "federated-token-without-client-id");
        }
        Optional<ClientAuthEntry> found = cache.find(clientId);
        List<String> audiences = AssertionAuthenticator.audiences(claims.get("aud"));
        Optional<FederatedRule> rule = found.flatMap(client -> client.federated().stream()
                .filter(candidate -> candidate.matches(issuer, subject, audiences))
                .findFirst());
        Optional<StoredKey> key = issuerKeys.key(issuer, assertion.text(assertion.header(), "kid"), now)
                .filter(jwk -> found.isPresent() && rule.isPresent())
                .map(jwk -> new StoredKey("", jwk.kid(), jwk.alg(), jwk.key(), null));
        // One verification whatever is wrong, so that timing tells nothing about clients, rules or a key's algorithm.
        StoredKey verifier = AssertionAuthenticator.verifierFor(key, alg);
        boolean valid = AssertionAuthenticator.verifies(verifier, alg, assertion);
        if (key.isEmpty()) {
            return refused(found.orElse(null), found.isEmpty() ? "unknown-client"
                    : rule.isEmpty() ? "no-matching-federated-credential" : "unknown-issuer-key");
        }
        ClientAuthEntry client = found.get();
        if (verifier != key.get() || !valid) {
            return refused(client, "bad-assertion-signature");
        }
        Optional<String> fault = timeFault(claims, now);
        if (fault.isPresent()) {
            return refused(client, fault.get());
        }
        if (client.status() != ClientStatus.ACTIVE) {
            return refused(client, client.status() == ClientStatus.DISABLED ? "client-disabled" : "client-deleted");
        }
        return new Authentication(client, null, null, rule.get(), null, null);
    }

    /**
     * {@code exp} is required and must lie ahead; a workload token's lifetime is its issuer's business (Kubernetes
     * issues them for an hour or more), so unlike a client's own assertion there is no maximum.
     */
    private static Optional<String> timeFault(JsonNode claims, Instant now) {
        Optional<Instant> exp = ClientAssertion.numericDate(claims.get("exp"));
        if (exp.isEmpty()) {
            return Optional.of("assertion-without-exp");
        }
        if (!exp.get().isAfter(now)) {
            return Optional.of("assertion-expired");
        }
        if (AssertionAuthenticator.notYetValid(claims.get("nbf"), now)) {
            return Optional.of("assertion-not-yet-valid");
        }
        return Optional.empty();
    }

    private static Authentication refused(ClientAuthEntry client, String reason) {
        return new Authentication(client, null, null, reason);
    }
}
