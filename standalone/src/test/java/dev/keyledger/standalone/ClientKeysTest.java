package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client key routes of API.md §2 "Client keys and federated credentials", over HTTP: public keys built by Nimbus
 * as a client would build them, registered, read back on both sides, refused when they are not what the contract
 * accepts, and removed.
 */
@KeyledgerService
class ClientKeysTest {

    private static RunningKeyledger keyledger;
    private static AdminClient admin;

    @BeforeAll
    static void start(RunningKeyledger shared) {
        keyledger = shared;
        admin = keyledger.admin();
    }

    @Test
    void whenAPublicKeyIsRegistered_thenTheAnswerTheClientReadAndTheHistoryShowItWithoutPrivateMaterial()
            throws Exception {
        String path = "/api/v1/clients/" + register("keyed");
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        AdminClient.Answer added = admin.post(path + "/keys", "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("ETag")).isEqualTo("\"" + added.json().at("/client/version").asLong() + "\"");
        JsonNode answer = added.json();
        assertThat(answer.get("kid").asText()).isEqualTo(key.computeThumbprint().toString());
        assertThat(answer.get("kty").asText()).isEqualTo("EC");
        assertThat(answer.get("alg").asText()).isEqualTo("ES256");
        assertThat(answer.get("createdAt").asText()).isNotBlank();
        assertThat(answer.get("expiresAt").isNull()).isTrue();
        assertThat(answer.get("lastUsedAt").isNull()).isTrue();
        assertThat(answer.at("/client/keys/0/keyId").asText()).isEqualTo(answer.get("keyId").asText());
        AdminClient.Answer read = admin.send("GET", path + "?minVersion=" + answer.at("/client/version").asLong(),
                null);
        assertThat(read.json().get("keys")).isEqualTo(answer.at("/client/keys"));
        JsonNode history = admin.send("GET", path + "/events", null).json().get("items");
        JsonNode keyAdded = history.get(history.size() - 1);
        assertThat(keyAdded.get("type").asText()).isEqualTo("client.key-added");
        assertThat(keyAdded.at("/payload/key/jwk/x").asText()).isEqualTo(key.getX().toString());
        assertThat(keyAdded.at("/payload/key/jwk").has("d")).isFalse();
        assertThat(history.toString() + read.body() + added.body()).doesNotContain(key.getD().toString());
    }

    @Test
    void whenTheJwkIsPrivateWeakOfAnotherAlgorithmOrMissing_thenBadRequestNamingTheField() throws Exception {
        String path = "/api/v1/clients/" + register("refused-keys");
        ECKey privateKey = new ECKeyGenerator(Curve.P_256).generate();
        RSAKey weak = new RSAKeyGenerator(1024, true).generate();

        for (String body : List.of(
                "{\"jwk\":" + privateKey.toJSONString() + "}",
                "{\"jwk\":" + weak.toPublicJWK().toJSONString() + "}",
                "{\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"alg\":\"HS256\"}}",
                "{\"jwk\":\"not an object\"}",
                "{}")) {
            AdminClient.Answer refused = admin.post(path + "/keys", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).as(body).isEqualTo("jwk");
        }
        AdminClient.Answer unknownField = admin.post(path + "/keys",
                "{\"jwk\":" + privateKey.toPublicJWK().toJSONString() + ",\"kid\":\"mine\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors/0/field").asText()).isEqualTo("kid");
        // The refusals changed nothing: the registration (version 0) is what the view holds, once it holds it.
        assertThat(admin.send("GET", path + "?minVersion=0", null).json().get("keys")).isEmpty();
    }

    @Test
    void whenAThirdKeyOrARepeatedKidOrAStaleVersion_thenRefusedAndOnlyTwoKeysAreHeld() throws Exception {
        String path = "/api/v1/clients/" + register("two-keys");
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("one").generate();
        ECKey sameKid = new ECKeyGenerator(Curve.P_256).keyID("one").generate();
        AdminClient.Answer added = admin.post(path + "/keys", jwk(first));
        long version = added.json().at("/client/version").asLong();

        assertThat(admin.post(path + "/keys", jwk(sameKid)).status()).isEqualTo(409);
        assertThat(admin.post(path + "/keys", jwk(new ECKeyGenerator(Curve.P_256).generate()),
                "If-Match", "\"" + (version - 1) + "\"").status()).isEqualTo(412);
        assertThat(admin.post(path + "/keys", jwk(new RSAKeyGenerator(2048).generate()),
                "If-Match", "\"" + version + "\"").status()).isEqualTo(201);
        AdminClient.Answer third = admin.post(path + "/keys", jwk(new ECKeyGenerator(Curve.P_256).generate()));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.patch(path, "{}").json().get("keys")).hasSize(2);
    }

    @Test
    void whenAKeyIsRemoved_thenTheClientNoLongerHoldsItAndASecondRemovalIsNotFound() throws Exception {
        String path = "/api/v1/clients/" + register("removed-key");
        String keyId = admin.post(path + "/keys", jwk(new ECKeyGenerator(Curve.P_256).generate())).text("keyId");

        AdminClient.Answer removed = admin.delete(path + "/keys/" + keyId);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("keys")).isEmpty();
        assertThat(admin.delete(path + "/keys/" + keyId).status()).isEqualTo(404);
        assertThat(admin.delete(path + "/keys/no%20such%20key").status()).isEqualTo(404);
        JsonNode history = admin.send("GET", path + "/events", null).json().get("items");
        assertThat(history.get(history.size() - 1).at("/payload/keyId").asText()).isEqualTo(keyId);
    }

    private static String register(String name) {
        AdminClient.Answer registered = admin.post("/api/v1/clients", "{\"name\":\"" + name + "\"}");
        assertThat(registered.status()).isEqualTo(201);
        return registered.text("clientId");
    }

    private static String jwk(JWK key) {
        return "{\"jwk\":" + key.toPublicJWK().toJSONString() + "}";
    }
}
