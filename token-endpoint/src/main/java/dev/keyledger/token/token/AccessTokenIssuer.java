package dev.keyledger.token.token;

import dev.keyledger.kernel.id.RandomTokens;
import dev.keyledger.token.authentication.ClientAuthEntry;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.grant.Grant;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Encoder;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Builds and signs RFC 9068 access tokens: header {@code typ: at+jwt}, {@code alg}, {@code kid}; claims {@code iss},
 * {@code sub} = {@code client_id}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti}, {@code scope}
 * (left out when empty) and {@code roles}. Signed with the active key, which lives in memory.
 */
@Component
public class AccessTokenIssuer {

    /**
     * The JDK's streaming base64url encoder. jjwt's own allocates 8 KiB buffers per encoded part, about half of all
     * the garbage a token request makes, and the GC pauses it causes show in the latency tail.
     */
    private static final Encoder<OutputStream, OutputStream> BASE64URL =
            out -> Base64.getUrlEncoder().withoutPadding().wrap(out);

    private final SigningKeys signingKeys;
    private final TokenSettings settings;

    public AccessTokenIssuer(SigningKeys signingKeys, TokenSettings settings) {
        this.signingKeys = signingKeys;
        this.settings = settings;
    }

    public IssuedToken issue(ClientAuthEntry client, Grant grant, Instant now) {
        SigningKey key = signingKeys.active();
        String jti = RandomTokens.urlSafe(16);
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plusSeconds(client.accessTokenTtlSeconds());
        JwtBuilder jwt = Jwts.builder()
                .b64Url(BASE64URL)
                .header().type("at+jwt").keyId(key.kid()).and()
                .issuer(settings.issuer())
                .subject(client.clientId())
                .claim("client_id", client.clientId())
                .issuedAt(Date.from(issuedAt))
                .notBefore(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .id(jti)
                .claim("roles", client.roles());
        if (grant.audiences().size() == 1) {
            jwt.audience().single(grant.audiences().get(0));
        } else {
            jwt.audience().add(grant.audiences()).and();
        }
        if (!grant.scope().isEmpty()) {
            jwt.claim("scope", grant.scopeString());
        }
        String value = jwt.signWith(key.privateKey(), key.jwsAlgorithm()).compact();
        return new IssuedToken(value, jti, key.kid(), issuedAt, expiresAt);
    }
}
