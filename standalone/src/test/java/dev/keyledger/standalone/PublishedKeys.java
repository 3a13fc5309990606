package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyledger.token.jose.SigningKey;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWKS and the signing-key list as a verifier and an operator read them over HTTP. */
final class PublishedKeys {

    /** Members that only private JWKs have (RFC 7518 §6.2.2, §6.3.2, RFC 8037 §2), and the symmetric key's. */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final AdminClient http;

    PublishedKeys(AdminClient http) {
        this.http = http;
    }

    /**
     * Fetches the JWKS, checks every key's members, and parses it back with jjwt's parser, as a resource server
     * would: kid to public key.
     */
    Map<String, PublicKey> jwks() {
        AdminClient.Answer answer = http.send("GET", "/.well-known/jwks.json", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/jwk-set+json");
        assertThat(answer.header("Cache-Control")).contains("max-age=");
        for (JsonNode key : answer.json().get("keys")) {
            Set<String> members = new HashSet<>();
            key.fieldNames().forEachRemaining(members::add);
            assertThat(members).contains("kid", "kty", "use", "alg").doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
            assertThat(key.get("use").asText()).isEqualTo("sig");
        }
        JwkSet set = Jwks.setParser().build().parse(answer.body());
        return set.getKeys().stream()
                .map(jwk -> (PublicJwk<?>) jwk)
                .collect(Collectors.toMap(Jwk::getId, jwk -> (PublicKey) jwk.toKey()));
    }

    /** {@code alg} of each key in the JWKS, by kid. */
    Map<String, String> algorithms() {
        Map<String, String> algorithms = new HashMap<>();
        for (JsonNode key : http.send("GET", "/.well-known/jwks.json", null).json().get("keys")) {
            algorithms.put(key.get("kid").asText(), key.get("alg").asText());
        }
        return algorithms;
    }

    /** {@code GET /api/v1/signing-keys} items. */
    List<JsonNode> list() {
        AdminClient.Answer answer = http.send("GET", "/api/v1/signing-keys", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.json().get("items").forEach(items::add);
        return items;
    }

    String status(String kid) {
        return list().stream().filter(item -> item.get("kid").asText().equals(kid))
                .map(item -> item.get("status").asText()).findFirst().orElse(null);
    }

    /** A token signed with {@code key}, as the token endpoint would sign one. */
    static String sign(SigningKey key) {
        return Jwts.builder().header().keyId(key.kid()).type("at+jwt").and()
                .subject("probe")
                .signWith(key.privateKey(), key.jwsAlgorithm())
                .compact();
    }

    /** Verifies {@code token} with the key its header names in {@code jwks}, as a resource server would. */
    static String verify(String token, Map<String, PublicKey> jwks) {
        return Jwts.parser()
                .keyLocator(header -> jwks.get(((ProtectedHeader) header).getKeyId()))
                .build()
                .parseSignedClaims(token)
                .getPayload()
                .getSubject();
    }
}
