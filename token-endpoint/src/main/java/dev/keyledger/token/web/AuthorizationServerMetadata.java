package dev.keyledger.token.web;

import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.jwk.PublicJwk;
import dev.keyledger.token.config.TokenSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /.well-known/oauth-authorization-server} (RFC 8414). */
@RestController
class AuthorizationServerMetadata {

    /** RFC 7518 order: ECDSA, RSA PKCS#1, RSA-PSS, then EdDSA (RFC 8037). */
    private static final List<String> SIGNING_ALGORITHMS = PublicJwk.ALGORITHMS.stream()
            .sorted(Comparator.comparing(List.of("ES256", "RS256", "PS256", "EdDSA")::indexOf))
            .toList();

    private final TokenSettings settings;

    AuthorizationServerMetadata(TokenSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    @PublicEndpoint("public by RFC: what anyone needs to verify our tokens or find our endpoints")
    ResponseEntity<Map<String, Object>> metadata() {
        String issuer = settings.issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("token_endpoint", issuer + "/oauth2/token");
        metadata.put("jwks_uri", issuer + "/.well-known/jwks.json");
        metadata.put("grant_types_supported", List.of("client_credentials"));
        metadata.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", SIGNING_ALGORITHMS);
        metadata.put("introspection_endpoint", issuer + "/oauth2/introspect");
        metadata.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        metadata.put("revocation_endpoint", issuer + "/oauth2/revoke");
        metadata.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        metadata.put("response_types_supported", List.of());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(metadata);
    }
}
