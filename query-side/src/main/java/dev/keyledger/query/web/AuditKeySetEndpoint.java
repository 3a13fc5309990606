package dev.keyledger.query.web;

import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.query.checkpoint.AuditKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The audit public keys as a JWK Set (RFC 7517): every audit key ever published, retired ones included, so that
 * every checkpoint stays verifiable. Kept apart from the token keys' set: an audit key never signs a token.
 */
@RestController
class AuditKeySetEndpoint {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");
    /** Short: a rotation adds a key that the next checkpoint, made within the interval, is signed with. */
    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final AuditKeys keys;

    AuditKeySetEndpoint(AuditKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/keyledger-audit-keys.json")
    @PublicEndpoint("public keys only: an auditor verifies checkpoints with them, with no account at Keyledger")
    ResponseEntity<Map<String, List<Map<String, Object>>>> keySet() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .contentType(JWK_SET)
                .body(Map.of("keys", keys.publicJwks()));
    }
}
