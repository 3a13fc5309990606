package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static dev.keyledger.standalone.TokenEndpointTest.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, forged and foreign bearer tokens over real HTTP, made from a real token of the running service: the admin
 * API answers {@code 401} problem+json (never a 5xx), introspection exactly {@code {"active": false}}, revocation
 * {@code 200}. The exhaustive fuzzing is {@code AccessTokenVerifierFuzzTest} in the token endpoint; this is a
 * representative set, seen from the outside.
 */
@KeyledgerService
class MalformedBearerTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static RunningKeyledger keyledger;
    private static AdminClient oauth;
    private static String token;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        oauth = keyledger.anonymous();
        token = keyledger.newAdminToken();
    }

    @Test
    void whenTheTokenIsGenuine_thenTheAdminApiAndIntrospectionAcceptIt() {
        assertThat(adminCall(token).status()).isEqualTo(200);
        assertThat(introspect(token).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void whenBearerTokensAreMalformedForgedOrForeign_thenTheAdminApiAnswers401AndIntrospectionInactive()
            throws Exception {
        for (Map.Entry<String, String> bad : badTokens().entrySet()) {
            AdminClient.Answer admin = adminCall(bad.getValue());
            assertThat(admin.status()).as("admin API, %s", bad.getKey()).isEqualTo(401);
            assertThat(admin.header("Content-Type")).as("admin API, %s", bad.getKey())
                    .startsWith("application/problem+json");
            assertThat(admin.json().get("status").asInt()).isEqualTo(401);

            AdminClient.Answer introspection = introspect(bad.getValue());
            assertThat(introspection.status()).as("introspection, %s", bad.getKey()).isEqualTo(200);
            assertThat(introspection.body()).as("introspection, %s", bad.getKey()).isEqualTo("{\"active\":false}");

            AdminClient.Answer revocation = oauth.form("/oauth2/revoke", "token=" + RunningKeyledger.encode(
                    bad.getValue()), "Authorization", basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET));
            assertThat(revocation.status()).as("revocation, %s", bad.getKey()).isEqualTo(200);
        }
        assertThat(adminCall(token).status()).as("the genuine token, revoked by none of them").isEqualTo(200);
    }

    /** Named bad tokens, each made from the genuine one. */
    private static Map<String, String> badTokens() throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        String kid = header.get("kid").asText();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no kid", withHeader(parts, header.deepCopy().without("kid")));
        bad.put("null kid", withHeader(parts, header.deepCopy().putNull("kid")));
        bad.put("numeric kid", withHeader(parts, header.deepCopy().put("kid", 7)));
        bad.put("unknown kid", withHeader(parts, header.deepCopy().put("kid", "no-such-key")));
        bad.put("typ JWT", withHeader(parts, header.deepCopy().put("typ", "JWT")));
        bad.put("JWE without kid", encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + "..AAAAAAAAAAAAAAAA."
                + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAA");
        bad.put("JWE with our kid", encode("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\"}")
                + "..AAAAAAAAAAAAAAAA." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAA");
        bad.put("alg none", encode(header.deepCopy().put("alg", "none").toString()) + "." + parts[1] + ".");
        bad.put("HS256 keyed with our public key", hmacWithPublicKey(parts, header, kid));
        bad.put("a stranger's key under our kid", signedByStranger(parts));
        bad.put("claims changed, signature kept", parts[0] + "." + encode(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"client_id\"",
                "\"client_id\":\"someone-else\",\"x\"")) + "." + parts[2]);
        bad.put("claims not JSON", parts[0] + "." + encode("[]") + "." + parts[2]);
        bad.put("header not JSON", encode("{\"alg\":") + "." + parts[1] + "." + parts[2]);
        bad.put("two parts", parts[0] + "." + parts[1]);
        bad.put("four parts", token + "." + parts[2]);
        bad.put("standard base64", token.replace('-', '+').replace('_', '/') + "==");
        bad.put("oversized (within the 8 KiB a header may have)", token + "A".repeat(7_000));
        bad.put("dots", "..");
        Random random = new Random(20261204);
        for (int i = 0; i < 12; i++) {
            char[] flipped = token.toCharArray();
            int at = random.nextInt(flipped.length);
            flipped[at] = flipped[at] == 'A' ? 'B' : 'A';
            bad.put("character " + at + " changed", new String(flipped));
            int cut = 1 + random.nextInt(token.length() - 1);
            bad.put("cut at " + cut, token.substring(0, cut));
        }
        return bad;
    }

    private static String withHeader(String[] parts, ObjectNode header) {
        return encode(header.toString()) + "." + parts[1] + "." + parts[2];
    }

    private static String hmacWithPublicKey(String[] parts, ObjectNode header, String kid) throws Exception {
        JWKSet keys = JWKSet.parse(oauth.send("GET", "/.well-known/jwks.json", null).body());
        byte[] publicKey = ((ECKey) keys.getKeyByKeyId(kid)).toECPublicKey().getEncoded();
        String input = encode(header.deepCopy().put("alg", "HS256").toString()) + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        return input + "." + BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String signedByStranger(String[] parts) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair stranger = generator.generateKeyPair();
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(stranger.getPrivate());
        String input = parts[0] + "." + parts[1];
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + BASE64URL.encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static AdminClient.Answer adminCall(String bearer) {
        return new AdminClient(keyledger.baseUri(), () -> bearer).send("GET", "/api/v1/clients", null);
    }

    private static AdminClient.Answer introspect(String presented) {
        return oauth.form("/oauth2/introspect", "token=" + RunningKeyledger.encode(presented),
                "Authorization", basic(RunningKeyledger.ADMIN_ID, RunningKeyledger.ADMIN_SECRET));
    }
}
