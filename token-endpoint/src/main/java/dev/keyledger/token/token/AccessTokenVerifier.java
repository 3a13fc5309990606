package dev.keyledger.token.token;

import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import org.springframework.stereotype.Component;

import java.security.Key;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Checks an access token that Keyledger issued: a JWS (never unsigned, never encrypted) of type {@code at+jwt},
 * signed by one of our published keys with that key's algorithm, from our issuer, within its lifetime.
 */
@Component
public class AccessTokenVerifier {

    private final SigningKeys signingKeys;
    private final TokenSettings settings;

    public AccessTokenVerifier(SigningKeys signingKeys, TokenSettings settings) {
        this.signingKeys = signingKeys;
        this.settings = settings;
    }

    /** The verified claims, or {@code null} for any token that is not a live token of ours. */
    public VerifiedToken verify(String token) {
        if (token == null || token.length() > 16 * 1024) {
            return null;
        }
        try {
            Jws<Claims> jws = parser().parseSignedClaims(token);
            if (!"at+jwt".equals(jws.getHeader().getType())) {
                return null;
            }
            Claims claims = jws.getPayload();
            String clientId = claims.get("client_id", String.class);
            if (clientId == null || !clientId.equals(claims.getSubject()) || claims.getId() == null
                    || claims.getExpiration() == null || claims.getIssuedAt() == null) {
                return null;
            }
            String scope = claims.get("scope", String.class);
            return new VerifiedToken(clientId, claims.getId(), claims.getIssuer(), List.copyOf(claims.getAudience()),
                    scope == null ? Set.of() : Set.copyOf(Arrays.asList(scope.split(" "))),
                    strings(claims.get("roles", Collection.class)), claims.getIssuedAt().toInstant(),
                    claims.getNotBefore() == null ? null : claims.getNotBefore().toInstant(),
                    claims.getExpiration().toInstant());
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    private JwtParser parser() {
        return Jwts.parser()
                .requireIssuer(settings.issuer())
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        SigningKey key = signingKeys.forVerification(header.getKeyId())
                                .filter(candidate -> candidate.algorithm().equals(header.getAlgorithm()))
                                .orElseThrow(() -> new JwtException("unknown signing key"));
                        return key.publicKey();
                    }
                })
                .build();
    }

    private static List<String> strings(Collection<?> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }
}
