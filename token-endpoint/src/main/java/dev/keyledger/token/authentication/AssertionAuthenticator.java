package dev.keyledger.token.authentication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.token.config.TokenSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates a client by a {@code private_key_jwt} assertion (RFC 7523 §2.2 and §3, RFC 7521 §4.2): signed by
 * one of the client's registered keys, chosen by {@code kid}, with an allowed algorithm that is the key's own;
 * {@code iss} = {@code sub} = the client; {@code aud} the token endpoint URL or the issuer; {@code exp} in the future
 * and at most the maximum lifetime ahead; a {@code jti} never seen before (across nodes, {@link AssertionJtis}), which
 * {@link #confirm} records outside the signing turns.
 * The reason for a refusal goes to the issuance log only: the caller always gets the same {@code invalid_client}.
 * The signature is checked before the {@code jti} is recorded, so nobody can burn another client's {@code jti}s.
 * A token whose {@code iss} is an allow-listed external issuer is a workload's own: {@link FederatedTokenAuthenticator}
 * judges it.
 */
@Component
public class AssertionAuthenticator {

    /** Clocks of clients and servers differ a little: this much is forgiven on {@code nbf}, {@code iat}, lifetime. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Keys no assertion can verify against, one per algorithm, drawn once. */
    private static final Map<String, StoredKey> DECOYS = decoys();

    private final ClientAuthCache cache;
    private final AssertionJtis jtis;
    private final TokenSettings settings;
    private final Duration maxLifetime;
    private final FederatedTokenAuthenticator federated;

    AssertionAuthenticator(ClientAuthCache cache, AssertionJtis jtis, TokenSettings settings,
                           @Value("${keyledger.assertion.max-lifetime:PT5M}") Duration maxLifetime,
                           FederatedTokenAuthenticator federated) {
        this.cache = cache;
        this.jtis = jtis;
        this.settings = settings;
        this.maxLifetime = maxLifetime;
        this.federated = federated;
    }

    /** The part that may wait on the network (an issuer's keys), for a workload's token; nothing for others. */
    void prepare(ClientCredentials credentials, Instant now) {
        ClientAssertion.parse(credentials.secret())
                .filter(this::isFederated)
                .ifPresent(assertion -> federated.prepare(assertion, now));
    }

    private boolean isFederated(ClientAssertion assertion) {
        String issuer = assertion.text(assertion.claims(), "iss");
        return !issuer.equals(assertion.text(assertion.claims(), "sub")) && federated.handles(issuer);
    }

    public Authentication authenticate(ClientCredentials credentials, Instant now) {
        Optional<ClientAssertion> parsed = ClientAssertion.parse(credentials.secret());
        if (parsed.isEmpty()) {
            return refused(null, "malformed-assertion");
        }
        ClientAssertion assertion = parsed.get();
        if (assertion.header().has("crit")) {
            // RFC 7515 §4.1.11: extensions named critical must be understood, and Keyledger understands none.
            return refused(null, "assertion-critical-header");
        }
        if (isFederated(assertion)) {
            return federated.authenticate(credentials.clientId(), assertion, now);
        }
        JsonNode claims = assertion.claims();
        String subject = assertion.text(claims, "sub");
        if (!subject.equals(credentials.clientId()) || !ClientId.isValid(subject)) {
            return refused(null, "assertion-subject-mismatch");
        }
        if (!assertion.text(claims, "iss").equals(subject)) {
            return refused(null, "assertion-issuer-mismatch");
        }
        String alg = assertion.text(assertion.header(), "alg");
        if (!PublicJwk.ALGORITHMS.contains(alg)) {
            return refused(null, "assertion-algorithm-refused");
        }
        Optional<ClientAuthEntry> found = cache.find(subject);
        String kid = assertion.text(assertion.header(), "kid");
        Optional<StoredKey> key = found.flatMap(client -> client.keys().stream()
                .filter(candidate -> candidate.kid().equals(kid))
                .findFirst());
        // One verification whatever is wrong, so that the answer's timing tells neither which clients and kids exist
        // nor a key's algorithm.
        StoredKey verifier = verifierFor(key, alg);
        boolean valid = verifies(verifier, alg, assertion);
        if (key.isEmpty()) {
            return refused(found.orElse(null), found.isEmpty() ? "unknown-client" : "unknown-key");
        }
        ClientAuthEntry client = found.get();
        if (verifier != key.get() || !valid) {
            return refused(client, "bad-assertion-signature");
        }
        Optional<String> fault = claimsFault(claims, now);
        if (fault.isPresent()) {
            return refused(client, fault.get());
        }
        if (client.status() != ClientStatus.ACTIVE) {
            return refused(client, client.status() == ClientStatus.DISABLED ? "client-disabled" : "client-deleted");
        }
        if (!key.get().usableAt(now)) {
            return refused(client, "expired-key");
        }
        Instant expiresAt = ClientAssertion.numericDate(claims.get("exp")).orElseThrow();
        return new Authentication(client, null, key.get(), null, null,
                new AssertionUse(subject, claims.get("jti").textValue(), expiresAt));
    }

    /** Records a verified assertion's {@code jti}; a second use, on any node, is refused. Waits for the database. */
    Authentication confirm(Authentication verified, Instant now) {
        AssertionUse use = verified.pendingUse();
        if (use == null) {
            return verified;
        }
        if (jtis.firstUse(use.clientId(), use.jti(), use.expiresAt(), now)) {
            return verified.confirmed();
        }
        // Verified in time but expired while it waited for this step (its jti may be purged already), or seen before.
        return refused(verified.client(), use.expiresAt().isAfter(now) ? "assertion-replayed" : "assertion-expired");
    }

    /** What is wrong with the claims once the signature holds, if anything. */
    private Optional<String> claimsFault(JsonNode claims, Instant now) {
        if (!audiences(claims.get("aud")).stream().anyMatch(this::isOurs)) {
            return Optional.of("assertion-audience-mismatch");
        }
        Optional<Instant> exp = ClientAssertion.numericDate(claims.get("exp"));
        if (exp.isEmpty()) {
            return Optional.of("assertion-without-exp");
        }
        Instant expiresAt = exp.get();
        if (!expiresAt.isAfter(now)) {
            return Optional.of("assertion-expired");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime).plus(CLOCK_SKEW))) {
            return Optional.of("assertion-lifetime-too-long");
        }
        if (notYetValid(claims.get("nbf"), now)) {
            return Optional.of("assertion-not-yet-valid");
        }
        JsonNode jti = claims.get("jti");
        if (jti == null || !jti.isTextual() || jti.textValue().isEmpty() || jti.textValue().length() > 256) {
            return Optional.of("assertion-without-jti");
        }
        // PostgreSQL's text refuses U+0000, and no identifier needs a control character.
        if (jti.textValue().chars().anyMatch(Character::isISOControl)) {
            return Optional.of("assertion-jti-malformed");
        }
        return Optional.empty();
    }

    /** An {@code nbf} that is there and is not a NumericDate at or before now, give or take the clock skew. */
    static boolean notYetValid(JsonNode nbf, Instant now) {
        return nbf != null && ClientAssertion.numericDate(nbf)
                .map(notBefore -> notBefore.isAfter(now.plus(CLOCK_SKEW)))
                .orElse(true);
    }

    private boolean isOurs(String audience) {
        String issuer = settings.issuer();
        return audience.equals(issuer) || audience.equals(issuer + "/oauth2/token");
    }

    static List<String> audiences(JsonNode aud) {
        List<String> audiences = new ArrayList<>();
        if (aud != null && aud.isTextual()) {
            audiences.add(aud.textValue());
        } else if (aud != null && aud.isArray()) {
            aud.forEach(value -> audiences.add(value.asText()));
        }
        return audiences;
    }

    static boolean verifies(StoredKey key, String alg, ClientAssertion assertion) {
        try {
            Signature signature = switch (alg) {
                // JOSE's ES256 signature is R || S (RFC 7518 §3.4), which is the JDK's P1363 format.
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
                case "EdDSA" -> Signature.getInstance("Ed25519");
                default -> throw new IllegalArgumentException("not an allowed algorithm: " + alg);
            };
            signature.initVerify(key.key());
            signature.update(assertion.signingInput());
            return signature.verify(assertion.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key to verify with: the one found when it is of the token's algorithm, else the algorithm's decoy. */
    static StoredKey verifierFor(Optional<StoredKey> key, String alg) {
        return key.filter(found -> found.alg().equals(alg)).orElseGet(() -> decoy(alg));
    }

    /** A key of the algorithm that no assertion verifies against. */
    static StoredKey decoy(String alg) {
        return DECOYS.get(alg);
    }

    private static Map<String, StoredKey> decoys() {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            StoredKey rsaKey = decoy("RS256", rsa.generateKeyPair().getPublic());
            return Map.of("ES256", decoy("ES256", ec.generateKeyPair().getPublic()), "RS256", rsaKey,
                    "PS256", rsaKey, "EdDSA", decoy("EdDSA",
                            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform generates EC, RSA and Ed25519 keys", e);
        }
    }

    private static StoredKey decoy(String alg, PublicKey key) {
        return new StoredKey("", "", alg, key, null);
    }

    private static Authentication refused(ClientAuthEntry client, String reason) {
        return new Authentication(client, null, null, reason);
    }
}
