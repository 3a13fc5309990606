package dev.keyledger.token.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactJwsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CompactJws jws = new CompactJws(json);

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void whatItSignsVerifiesWithJjwtsParserAndCarriesTheHeaderAndClaims(String algorithm) throws Exception {
        SigningKey key = keyOf(algorithm);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://keyledger.example");
        claims.put("aud", List.of("https://a.example", "https://b.example"));
        claims.put("exp", 4_102_444_800L);
        claims.put("scope", "read write");

        String token = jws.sign(key, "at+jwt", claims);

        Jws<Claims> verified = Jwts.parser().verifyWith(key.publicKey()).build().parseSignedClaims(token);
        assertThat(verified.getHeader().getAlgorithm()).isEqualTo(algorithm);
        assertThat(verified.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(verified.getHeader().getKeyId()).isEqualTo(key.kid());
        assertThat(verified.getPayload().getIssuer()).isEqualTo("https://keyledger.example");
        assertThat(verified.getPayload().getAudience()).containsExactly("https://a.example", "https://b.example");
        assertThat(verified.getPayload().get("scope")).isEqualTo("read write");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertThat(header.size()).as("alg, typ and kid only").isEqualTo(3);
        assertThat(token).doesNotContain("=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void aTokenSignedByAnotherKeyDoesNotVerify(String algorithm) {
        SigningKey key = keyOf(algorithm);
        SigningKey other = keyOf(algorithm);

        String token = jws.sign(other, "at+jwt", Map.of("sub", "someone"));

        assertThatThrownBy(() -> Jwts.parser().verifyWith(key.publicKey()).build().parseSignedClaims(token))
                .isInstanceOf(io.jsonwebtoken.security.SignatureException.class);
    }

    private static SigningKey keyOf(String algorithm) {
        SignatureAlgorithm jwa = (SignatureAlgorithm) Jwts.SIG.get().get(algorithm);
        KeyPair pair = jwa.keyPair().build();
        return new SigningKey("kid-" + algorithm, algorithm, pair.getPublic(), pair.getPrivate());
    }
}
