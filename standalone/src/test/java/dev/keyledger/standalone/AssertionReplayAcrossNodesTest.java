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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static dev.keyledger.standalone.TokenEndpointTest.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code private_key_jwt} assertion is accepted once across all token-endpoint nodes (RFC 7523 §3 item 7): two
 * nodes of one deployment on one PostgreSQL, the assertion that one node accepted is refused by the other.
 */
// Not @KeyledgerService: runs two nodes of one deployment.
class AssertionReplayAcrossNodesTest {

    private static final String ISSUER = "http://keyledger.test";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @TempDir
    Path dir;

    @Test
    void whenOneNodeAcceptedAnAssertion_thenTheOtherNodeRefusesItButAcceptsAFreshOne() throws Exception {
        try (SharedDatabase database = SharedDatabase.start(dir)) {
            // One deployment, one issuer: the assertion's audience is the same on both nodes.
            String issuer = "keyledger.issuer=" + ISSUER;
            try (RunningKeyledger first = database.node("first", issuer);
                 RunningKeyledger second = database.node("second", issuer)) {
                AdminClient admin = first.admin();
                String clientId = admin.post("/api/v1/clients", "{\"name\":\"two-node-signer\"}").text("clientId");
                ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
                assertThat(admin.post("/api/v1/clients/" + clientId + "/keys",
                        "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}").status()).isEqualTo(201);
                Eventually.holds("both nodes know the key",
                        () -> token(first, assertion(key, clientId)).status() == 200
                                && token(second, assertion(key, clientId)).status() == 200);

                String once = assertion(key, clientId);
                assertThat(token(first, once).status()).isEqualTo(200);
                assertOAuthError(token(second, once), 401, "invalid_client");
                assertOAuthError(token(first, once), 401, "invalid_client");
                assertThat(token(second, assertion(key, clientId)).status()).isEqualTo(200);
            }
        }
    }

    private static AdminClient.Answer token(RunningKeyledger node, String assertion) {
        return node.anonymous().form("/oauth2/token", "grant_type=client_credentials&client_assertion_type="
                + JWT_BEARER + "&client_assertion=" + assertion);
    }

    private static String assertion(ECKey key, String clientId) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(ISSUER + "/oauth2/token")
                        .expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString()).build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Nimbus could not sign with an EC key", e);
        }
        return jwt.serialize();
    }
}
