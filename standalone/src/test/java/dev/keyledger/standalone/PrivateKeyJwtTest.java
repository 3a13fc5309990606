package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.keyledger.standalone.TokenEndpointTest.assertOAuthError;
import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code private_key_jwt} (RFC 7523 §2.2, §3; RFC 7521 §4.2) over real HTTP, the assertions built and signed by
 * Nimbus as a client would: one that follows every rule gets a token, once; each rule broken alone is refused with
 * the same {@code invalid_client}; mixing an assertion with a secret is {@code invalid_request}.
 */
@KeyledgerService
class PrivateKeyJwtTest {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Seconds since the epoch later than {@code Instant.MAX}. */
    static final long BEYOND_INSTANT = 100_000_000_000_000_000L;

    private static RunningKeyledger keyledger;
    private static AdminClient admin;
    private static AdminClient oauth;
    private static String clientId;
    private static String secret;
    private static ECKey key;

    @BeforeAll
    static void start(RunningKeyledger shared) throws Exception {
        keyledger = shared;
        admin = keyledger.admin();
        oauth = keyledger.anonymous();
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"signer\"}");
        clientId = registered.text("clientId");
        secret = registered.text("clientSecret");
        key = new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate();
        assertThat(admin.post("/api/v1/clients/" + clientId + "/keys", jwk(key)).status()).isEqualTo(201);
        waitUntil(() -> token(es256(claims(clientId))).status() == 200, Duration.ofSeconds(10));
    }

    @Test
    void whenTheAssertionFollowsEveryRule_thenATokenForTheClientAndTheLogNamesTheKey() throws Exception {
        AdminClient.Answer answer = token(es256(claims(clientId)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("token_type")).isEqualTo("Bearer");
        String keyId = admin.send("GET", "/api/v1/clients/" + clientId, null).json().at("/keys/0/keyId").asText();
        waitUntil(() -> {
            JsonNode items = admin.send("GET", "/api/v1/clients/" + clientId + "/token-events", null).json()
                    .get("items");
            JsonNode last = items.get(items.size() - 1);
            return last.get("outcome").asText().equals("ISSUED") && last.get("keyId").asText().equals(keyId)
                    && last.get("secretId").isNull();
        }, Duration.ofSeconds(5));
    }

    @Test
    void whenTheKeyAuthenticatedMomentsAgo_thenItShowsLastUsedAtAndItsRemovalNeedsForce() throws Exception {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"guarded-signer\"}");
        String guarded = registered.text("clientId");
        ECKey signer = new ECKeyGenerator(Curve.P_256).keyID("guarded-1").generate();
        String path = "/api/v1/clients/" + guarded;
        String keyId = admin.post(path + "/keys", jwk(signer)).text("keyId");
        waitUntil(() -> token(signed(signer, claims(guarded))).status() == 200, Duration.ofSeconds(10));

        waitUntil(() -> !admin.send("GET", path, null).json().at("/keys/0/lastUsedAt").isNull(),
                Duration.ofSeconds(5));
        AdminClient.Answer refused = admin.delete(path + "/keys/" + keyId);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("lastUsedAt").asText()).isNotBlank();
        assertThat(admin.patch(path, "{}").json().at("/keys/0/lastUsedAt").asText()).isNotBlank();
        assertThat(admin.delete(path + "/keys/" + keyId + "?force=true").status()).isEqualTo(200);
    }

    @Test
    void whenAClientIntrospectsAndRevokesItsOwnTokenWithAssertions_thenBothWork() throws Exception {
        String accessToken = token(es256(claims(clientId))).text("access_token");
        String assertionForm = "client_assertion_type=" + JWT_BEARER + "&client_assertion=";

        AdminClient.Answer introspected = oauth.form("/oauth2/introspect",
                "token=" + accessToken + "&" + assertionForm + es256(claims(clientId)));
        assertThat(introspected.status()).as(introspected.body()).isEqualTo(200);
        assertThat(introspected.json().get("active").asBoolean()).isTrue();

        assertThat(oauth.form("/oauth2/revoke", "token=" + accessToken + "&" + assertionForm + es256(claims(clientId)))
                .status()).isEqualTo(200);
        AdminClient.Answer revoked = oauth.form("/oauth2/introspect",
                "token=" + accessToken + "&" + assertionForm + es256(claims(clientId)));
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void whenTheSameAssertionIsPresentedTwice_thenTheSecondIsRefused() throws Exception {
        String assertion = es256(claims(clientId));

        assertThat(token(assertion).status()).isEqualTo(200);
        assertOAuthError(token(assertion), 401, "invalid_client");
    }

    @Test
    void whenAnyRuleIsBrokenAlone_thenInvalidClientAndTheSameAnswerEveryTime() throws Exception {
        String issuer = "http://localhost:" + keyledger.port();
        Instant now = Instant.now();
        List<String> refused = List.of(
                es256(with(builder -> builder.audience("https://elsewhere.example.com"))),
                es256(with(builder -> builder.expirationTime(Date.from(now.minusSeconds(5))))),
                es256(with(builder -> builder.expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))))),
                es256(with(builder -> builder.expirationTime(null))),
                es256(with(builder -> builder.jwtID(null))),
                es256(with(builder -> builder.issuer("someone-else"))),
                es256(with(builder -> builder.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(2)))))),
                signed(new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate(), claims(clientId)),
                signed(new ECKeyGenerator(Curve.P_256).keyID("not-registered").generate(), claims(clientId)),
                hmac(claims(clientId)),
                new PlainJWT(claims(clientId)).serialize(),
                "not.a.jwt",
                es256(with(builder -> builder.audience(issuer + "/oauth2/introspect"))),
                // Beyond what an Instant holds, and jtis PostgreSQL cannot store: refusals, never a server error.
                es256(with(builder -> builder.claim("exp", BEYOND_INSTANT))),
                es256(with(builder -> builder.claim("exp", BigInteger.TWO.pow(70)))),
                es256(with(builder -> builder.claim("nbf", BEYOND_INSTANT))),
                es256(with(builder -> builder.claim("nbf", -BEYOND_INSTANT))),
                es256(with(builder -> builder.jwtID("nul\u0000jti"))),
                es256(with(builder -> builder.jwtID("line\nbreak"))),
                critical(claims(clientId)),
                // The registered kid with another algorithm: verified against a decoy, refused like a bad signature.
                rs256(new RSAKeyGenerator(2048).keyID("signer-1").generate(), claims(clientId)));
        String first = null;
        for (String assertion : refused) {
            AdminClient.Answer answer = token(assertion);
            assertOAuthError(answer, 401, "invalid_client");
            first = first == null ? answer.body() : first;
            assertThat(answer.body()).isEqualTo(first);
        }
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials&client_id=" + UUID.randomUUID()
                + "&client_assertion_type=" + JWT_BEARER + "&client_assertion=" + es256(claims(clientId))),
                401, "invalid_client");
    }

    @Test
    void whenTheAudienceIsTheIssuerOrTheTokenEndpoint_thenBothAreAccepted() throws Exception {
        String issuer = "http://localhost:" + keyledger.port();
        assertThat(token(es256(with(builder -> builder.audience(issuer)))).status()).isEqualTo(200);
        List<String> two = List.of("https://x.example", issuer + "/oauth2/token");
        assertThat(token(es256(with(builder -> builder.audience(two)))).status()).isEqualTo(200);
    }

    @Test
    void whenAnAssertionComesWithASecretOrBasicOrAnotherType_thenInvalidRequest() throws Exception {
        String assertion = es256(claims(clientId));
        String form = "grant_type=client_credentials&client_assertion_type=" + JWT_BEARER + "&client_assertion="
                + assertion;

        assertOAuthError(oauth.form("/oauth2/token", form + "&client_id=" + clientId + "&client_secret=" + secret),
                400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", form, "Authorization", basic(clientId, secret)),
                400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials&client_assertion_type=urn:other"
                + "&client_assertion=" + assertion), 400, "invalid_request");
        assertOAuthError(oauth.form("/oauth2/token", "grant_type=client_credentials&client_assertion=" + assertion),
                400, "invalid_request");
    }

    @Test
    void whenAnRsaKeyIsRegistered_thenItsRs256AssertionsAuthenticateAndAKeyRemovedAMomentAgoDoesNot()
            throws Exception {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"rsa-signer\"}");
        String rsaClient = registered.text("clientId");
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        String keyId = admin.post("/api/v1/clients/" + rsaClient + "/keys", jwk(rsa)).text("keyId");
        waitUntil(() -> token(rs256(rsa, claims(rsaClient))).status() == 200, Duration.ofSeconds(10));

        assertThat(admin.delete("/api/v1/clients/" + rsaClient + "/keys/" + keyId + "?force=true").status())
                .isEqualTo(200);

        waitUntil(() -> token(rs256(rsa, claims(rsaClient))).status() == 401, Duration.ofSeconds(10));
    }

    @Test
    void whenAClientHoldsAnEd25519AndAPs256Key_thenAssertionsSignedByEitherAuthenticate() throws Exception {
        String both = admin.post("/api/v1/clients", "{\"name\":\"two-algorithms\"}").text("clientId");
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = ed25519.getPublic().getEncoded();
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        RSAKey pss = new RSAKeyGenerator(2048).keyID("pss-1").algorithm(JWSAlgorithm.PS256).generate();
        assertThat(admin.post("/api/v1/clients/" + both + "/keys",
                "{\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"ed-1\"}}").status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/clients/" + both + "/keys", jwk(pss)).status()).isEqualTo(201);

        // Each key reaches the token endpoint with its own event: wait for the later one, then both must work.
        waitUntil(() -> token(ps256(pss, claims(both))).status() == 200, Duration.ofSeconds(10));
        assertThat(token(eddsa(ed25519.getPrivate(), "ed-1", claims(both))).status()).isEqualTo(200);
        assertOAuthError(token(eddsa(ed25519.getPrivate(), "pss-1", claims(both))), 401, "invalid_client");
    }

    @Test
    void whenTheClientIsDisabledOrItsKeyExpires_thenItsAssertionsAreRefused() throws Exception {
        String path = "/api/v1/clients/" + admin.post("/api/v1/clients", "{\"name\":\"short-lived\"}").text("clientId");
        String shortLived = path.substring(path.lastIndexOf('/') + 1);
        ECKey signer = new ECKeyGenerator(Curve.P_256).keyID("short-1").generate();
        String expiresAt = Instant.now().plusSeconds(12).toString();
        assertThat(admin.post(path + "/keys", "{\"jwk\":" + signer.toPublicJWK().toJSONString()
                + ",\"expiresAt\":\"" + expiresAt + "\"}").status()).isEqualTo(201);
        waitUntil(() -> token(signed(signer, claims(shortLived))).status() == 200, Duration.ofSeconds(5));

        admin.post(path + "/disable", null);
        waitUntil(() -> token(signed(signer, claims(shortLived))).status() == 401, Duration.ofSeconds(5));
        admin.post(path + "/enable", null);
        waitUntil(() -> token(signed(signer, claims(shortLived))).status() == 200, Duration.ofSeconds(5));

        waitUntil(() -> token(signed(signer, claims(shortLived))).status() == 401, Duration.ofSeconds(25));
        assertThat(Instant.now()).isAfterOrEqualTo(Instant.parse(expiresAt));
    }

    @Test
    void whenTheMetadataIsRead_thenPrivateKeyJwtAndItsAlgorithmsAreAdvertised() {
        JsonNode metadata = oauth.send("GET", "/.well-known/oauth-authorization-server", null).json();

        assertThat(metadata.get("token_endpoint_auth_methods_supported").toString()).contains("\"private_key_jwt\"");
        assertThat(metadata.get("token_endpoint_auth_signing_alg_values_supported").toString())
                .isEqualTo("[\"ES256\",\"RS256\",\"PS256\",\"EdDSA\"]");
    }

    private static AdminClient.Answer token(String assertion) {
        return oauth.form("/oauth2/token", "grant_type=client_credentials&client_assertion_type=" + JWT_BEARER
                + "&client_assertion=" + assertion);
    }

    private static JWTClaimsSet claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(subject)
                .subject(subject)
                .audience("http://localhost:" + keyledger.port() + "/oauth2/token")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static JWTClaimsSet with(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims(clientId))).build();
    }

    private static String es256(JWTClaimsSet claims) {
        return signed(key, claims);
    }

    private static String signed(ECKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(),
                    claims);
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by the registered key, with an extension the header marks critical (RFC 7515 §4.1.11). */
    private static String critical(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .customParam("urn:example:policy", "strict").criticalParams(Set.of("urn:example:policy")).build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rs256(RSAKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the public key's own coordinates: the classic algorithm-confusion forgery. */
    private static String hmac(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().repeat(2)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ps256(RSAKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(signer.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nimbus 9 signs EdDSA only with Tink: the JDK signs here, over the same compact serialization. */
    private static String eddsa(PrivateKey privateKey, String kid, JWTClaimsSet claims) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64url.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + base64url.encodeToString(
                claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK could not sign with Ed25519", e);
        }
    }

    private static String jwk(JWK jwk) {
        return "{\"jwk\":" + jwk.toPublicJWK().toJSONString() + "}";
    }
}
