package dev.keyledger.token.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.PublicEndpoint;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/jwks.json} (RFC 7517, API.md §1): every key that may still verify a live token, public
 * members only. The document is rebuilt only when the key set changes. Verifiers may cache it for
 * {@link #MAX_AGE}, which is kept below the default activation delay (60 s) so that a key is in every cache before it
 * signs.
 */
@RestController
class JwkSetEndpoint {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /**
     * RFC 7517 §8.5.1. Set on the answer, it is sent whatever the request's {@code Accept} says (Spring negotiates
     * only when no type is set), so a verifier that asks for {@code application/json} still gets the set.
     */
    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final SigningKeys keys;
    private final ObjectMapper json;
    private volatile Rendered rendered = new Rendered(null, null);

    JwkSetEndpoint(SigningKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @GetMapping("/.well-known/jwks.json")
    @PublicEndpoint("public by RFC: what anyone needs to verify our tokens or find our endpoints")
    ResponseEntity<byte[]> jwkSet() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .contentType(JWK_SET)
                .body(render(keys.published()));
    }

    private byte[] render(List<SigningKey> published) {
        Rendered last = rendered;
        if (last.keys() == published) {
            return last.document();
        }
        List<Map<String, Object>> jwks = published.stream().map(JwkSetEndpoint::jwk).toList();
        try {
            byte[] document = json.writeValueAsBytes(Map.of("keys", jwks));
            rendered = new Rendered(published, document);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the JWK set cannot be written", e);
        }
    }

    /** Our kid, not a thumbprint: the kid names the key across its whole lifecycle and the audit trail. */
    private static Map<String, Object> jwk(SigningKey key) {
        PublicJwk<?> jwk = Jwks.builder().key(key.publicKey())
                .id(key.kid())
                .publicKeyUse("sig")
                .algorithm(key.algorithm())
                .build();
        return new LinkedHashMap<>(jwk);
    }

    /** The last document and the key list it was made from (compared by identity: snapshots are immutable). */
    private record Rendered(List<SigningKey> keys, byte[] document) {
    }
}
