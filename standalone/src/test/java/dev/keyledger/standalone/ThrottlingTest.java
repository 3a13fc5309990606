package dev.keyledger.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.keyledger.infrastructure.hostile.RawHttp;
import dev.keyledger.token.authentication.ClientAuthCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static dev.keyledger.standalone.TokenEndpointTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling of secret guessing (API.md §1), with requests from two real source addresses on the loopback network
 * (127.0.0.1 and 127.0.0.2), so that "other addresses are unaffected" is shown, not assumed.
 */
// Not @KeyledgerService: throttling limits low enough to reach, counted per address for all of 127.0.0.1.
class ThrottlingTest {

    private static final String GUESSER = "127.0.0.2";
    private static final String HONEST = "127.0.0.3";

    @TempDir
    static Path dataDir;
    private static RunningKeyledger keyledger;
    private static String victim;
    private static String victimSecret;
    private static String other;
    private static String otherSecret;

    @BeforeAll
    static void start() {
        keyledger = RunningKeyledger.start(dataDir, "keyledger.token.throttle.pair-failures=5",
                "keyledger.token.throttle.address-failures=12", "keyledger.token.throttle.window=PT30S");
        AdminClient admin = keyledger.admin();
        AdminClient.Answer one = admin.post("/api/v1/clients", "{\"name\":\"victim\"}");
        victim = one.text("clientId");
        victimSecret = one.text("clientSecret");
        AdminClient.Answer two = admin.post("/api/v1/clients", "{\"name\":\"other\"}");
        other = two.text("clientId");
        otherSecret = two.text("clientSecret");
        keyledger.tokenFor(victim, victimSecret);
        keyledger.tokenFor(other, otherSecret);
    }

    @AfterAll
    static void stop() {
        keyledger.close();
    }

    @Test
    void whenAnAddressGuessesAClientsSecret_thenThatPairIsThrottledAndNobodyElseIs() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(status(token(GUESSER, victim, "guess-" + i))).isEqualTo(401);
        }
        String throttled = token(GUESSER, victim, "guess-6");
        assertThat(status(throttled)).isEqualTo(429);
        assertThat(throttled).contains("\"error\":\"slow_down\"").containsIgnoringCase("Retry-After: ");
        assertThat(status(token(GUESSER, victim, victimSecret))).as("the right secret too: no oracle").isEqualTo(429);
        assertThat(status(token(HONEST, victim, victimSecret))).as("another address").isEqualTo(200);
        assertThat(status(token(GUESSER, other, otherSecret))).as("another client from that address").isEqualTo(200);

        waitUntil(() -> keyledger.jdbc().sql("""
                        SELECT count(*) FROM token_issuance_log WHERE client_id = ? AND outcome = 'THROTTLED'""")
                .param(victim).query(Long.class).single() == 2, Duration.ofSeconds(5));
    }

    @Test
    void whenAnAddressFailsTooOftenAcrossClients_thenTheWholeAddressIsThrottled() throws Exception {
        String address = "127.0.0.4";
        for (int i = 0; i < 12; i++) {
            assertThat(status(token(address, "unknown-" + i, "guess"))).isEqualTo(401);
        }
        assertThat(status(token(address, other, otherSecret))).isEqualTo(429);
        assertThat(status(token(HONEST, other, otherSecret))).isEqualTo(200);
    }

    @Test
    void whenAnAddressPresentsForgedAssertions_thenThePairIsThrottledAsForWrongSecretsEvenForAGoodAssertion()
            throws Exception {
        String address = "127.0.0.5";
        AdminClient admin = keyledger.admin();
        String signer = admin.post("/api/v1/clients", "{\"name\":\"signer\"}").text("clientId");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        admin.post("/api/v1/clients/" + signer + "/keys", "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
        // Waiting on the token endpoint's view, not by asking: failed attempts would count against the pair.
        waitUntil(() -> keyledger.bean(ClientAuthCache.class).find(signer)
                .filter(client -> !client.keys().isEmpty()).isPresent(), Duration.ofSeconds(10));
        ECKey forger = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        for (int i = 0; i < 5; i++) {
            assertThat(status(assertionToken(address, assertion(forger, signer)))).isEqualTo(401);
        }

        assertThat(status(assertionToken(address, assertion(key, signer)))).as("no oracle").isEqualTo(429);
        assertThat(status(assertionToken(HONEST, assertion(key, signer)))).as("another address").isEqualTo(200);
    }

    private static String assertion(ECKey key, String clientId) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                        .audience("http://localhost:" + keyledger.port() + "/oauth2/token")
                        .expirationTime(Date.from(Instant.now().plusSeconds(60))).jwtID(UUID.randomUUID().toString())
                        .build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Nimbus could not sign with an EC key", e);
        }
        return jwt.serialize();
    }

    private static String assertionToken(String sourceAddress, String assertion) {
        byte[] body = ("grant_type=client_credentials&client_assertion_type="
                + "urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=" + assertion)
                .getBytes(StandardCharsets.US_ASCII);
        return RawHttp.exchange(sourceAddress, keyledger.port(), "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
    }

    /** One raw HTTP/1.1 token request from {@code sourceAddress}; returns the whole answer as text. */
    private static String token(String sourceAddress, String clientId, String secret) {
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        return RawHttp.exchange(sourceAddress, keyledger.port(), "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: "
                + basic(clientId, secret) + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    private static int status(String answer) {
        return RawHttp.statusOf(answer);
    }
}
