package dev.keyledger.token.accesstoken;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.random.RandomTokens;
import dev.keyledger.token.authentication.ClientAuthEntry;
import dev.keyledger.token.config.HotPathJson;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.grant.Grant;
import dev.keyledger.token.jose.CompactJws;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds and signs RFC 9068 access tokens: header {@code typ: at+jwt}, {@code alg}, {@code kid}; claims {@code iss},
 * {@code sub} = {@code client_id}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti}, {@code scope}
 * (left out when empty) and {@code roles}. Signed with the active key, which lives in memory.
 */
@Component
public class AccessTokenIssuer {

    private final SigningKeys signingKeys;
    private final TokenSettings settings;
    private final CompactJws jws;

    public AccessTokenIssuer(SigningKeys signingKeys, TokenSettings settings, ObjectMapper json) {
        this.signingKeys = signingKeys;
        this.settings = settings;
        this.jws = new CompactJws(HotPathJson.from(json));
    }

    public IssuedToken issue(ClientAuthEntry client, Grant grant, Instant now) {
        SigningKey key = signingKeys.active();
        String jti = RandomTokens.urlSafe(16);
        long issuedAt = now.getEpochSecond();
        long expiresAt = issuedAt + client.accessTokenTtlSeconds();
        Map<String, Object> claims = new LinkedHashMap<>(16);
        claims.put("iss", settings.issuer());
        claims.put("sub", client.clientId());
        claims.put("client_id", client.clientId());
        claims.put("aud", grant.audiences().size() == 1 ? grant.audiences().get(0) : grant.audiences());
        claims.put("iat", issuedAt);
        claims.put("nbf", issuedAt);
        claims.put("exp", expiresAt);
        claims.put("jti", jti);
        claims.put("roles", client.roles());
        if (!grant.scope().isEmpty()) {
            claims.put("scope", grant.scopeString());
        }
        String value = jws.sign(key, "at+jwt", claims);
        return new IssuedToken(value, jti, key.kid(), Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt));
    }
}
