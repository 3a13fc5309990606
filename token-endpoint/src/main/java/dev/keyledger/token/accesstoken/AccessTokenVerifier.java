package dev.keyledger.token.accesstoken;

import dev.keyledger.kernel.id.IdSyntax;
import dev.keyledger.token.config.TokenSettings;
import dev.keyledger.token.jose.SigningKey;
import dev.keyledger.token.jose.SigningKeys;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an access token that Keyledger issued: a JWS in compact form (never unsigned, never encrypted) of type
 * {@code at+jwt}, signed by one of our published keys with that key's algorithm, from our issuer, within its lifetime
 * give or take {@link #CLOCK_SKEW}. Bearer tokens come from anyone: whatever is presented, the answer is the verified
 * claims or {@code null}, never an exception.
 */
@Component
public class AccessTokenVerifier {

    /**
     * How far the clocks of two nodes may differ (docs/DECISIONS.md 58): a token is accepted this long before its
     * {@code iat} and {@code nbf} and this long after its {@code exp}.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);
    private static final int MAX_LENGTH = 16 * 1024;

    private final SigningKeys signingKeys;
    private final TokenSettings settings;
    private final Clock clock;
    private volatile IssuerParser parser;

    @Autowired
    public AccessTokenVerifier(SigningKeys signingKeys, TokenSettings settings) {
        this(signingKeys, settings, Clock.systemUTC());
    }

    AccessTokenVerifier(SigningKeys signingKeys, TokenSettings settings, Clock clock) {
        this.signingKeys = signingKeys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The verified claims, or {@code null} for any token that is not a live token of ours. */
    public VerifiedToken verify(String token) {
        if (!hasOurShape(token)) {
            return null;
        }
        try {
            return verified(parser().parseSignedClaims(token));
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return null; // jjwt's (and its converters') ways of saying "not a valid token": refusing is the answer
        } catch (RuntimeException e) {
            // Still refused, but a check failed in a way nobody foresaw: worth one line, never the token itself.
            LOG.warn("a bearer token was refused after an unexpected {}", e.getClass().getName());
            return null;
        }
    }

    /**
     * At most 16 KiB of three non-empty base64url parts joined by dots, the only shape of ours: nothing else is looked
     * at further, so a JWE (five parts) or an unsigned JWT never reaches jjwt. Each part is checked by the kernel's
     * character rule ({@link IdSyntax#base64Url}) rather than a regular expression, which was a
     * fortieth of the admin lane's time per command in a JFR profile.
     */
    static boolean hasOurShape(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return false;
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        return first >= 0 && second >= 0 && token.indexOf('.', second + 1) < 0
                && IdSyntax.base64Url(token.substring(0, first), 1, MAX_LENGTH)
                && IdSyntax.base64Url(token.substring(first + 1, second), 1, MAX_LENGTH)
                && IdSyntax.base64Url(token.substring(second + 1), 1, MAX_LENGTH);
    }

    /** The claims of a token whose signature, issuer, expiry and not-before have been checked, or null. */
    private VerifiedToken verified(Jws<Claims> jws) {
        if (!"at+jwt".equals(jws.getHeader().getType())) {
            return null;
        }
        Claims claims = jws.getPayload();
        String clientId = claims.get("client_id", String.class);
        Date issuedAt = claims.getIssuedAt();
        Date expiresAt = claims.getExpiration();
        Set<String> audience = claims.getAudience();
        List<String> roles = strings(claims.get("roles"));
        if (clientId == null || !clientId.equals(claims.getSubject()) || claims.getId() == null
                || expiresAt == null || issuedAt == null || isFuture(issuedAt.toInstant())
                || audience == null || audience.isEmpty() || audience.stream().anyMatch(Objects::isNull)
                || roles == null) {
            return null;
        }
        String scope = claims.get("scope", String.class);
        Date notBefore = claims.getNotBefore();
        return new VerifiedToken(clientId, claims.getId(), claims.getIssuer(), List.copyOf(audience),
                scope == null ? Set.of() : Set.copyOf(Arrays.asList(scope.split(" "))), roles,
                issuedAt.toInstant(), notBefore == null ? null : notBefore.toInstant(), expiresAt.toInstant(),
                jws.getHeader().getKeyId());
    }

    /** jjwt checks {@code nbf} and {@code exp} only; a token issued in the future is refused here, with the same skew. */
    private boolean isFuture(Instant issuedAt) {
        return issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW));
    }

    /** The parser for the current issuer, built once: the issuer is known only once the server listens. */
    private JwtParser parser() {
        String issuer = settings.issuer();
        IssuerParser current = parser;
        if (current == null || !current.issuer().equals(issuer)) {
            current = new IssuerParser(issuer, Jwts.parser()
                    .requireIssuer(issuer)
                    .clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(CLOCK_SKEW.toSeconds())
                    .keyLocator(new LocatorAdapter<Key>() {
                        @Override
                        protected Key locate(JwsHeader header) {
                            return publicKeyFor(header);
                        }
                    })
                    .build());
            parser = current;
        }
        return current.parser();
    }

    /** The key named by {@code kid}, only for the algorithm it was made for; a missing or null kid names none. */
    private Key publicKeyFor(JwsHeader header) {
        String kid = header.getKeyId();
        SigningKey key = kid == null ? null : signingKeys.forVerification(kid).orElse(null);
        if (key == null || !key.algorithm().equals(header.getAlgorithm())) {
            throw new JwtException("not signed by a published key with its algorithm");
        }
        return key.publicKey();
    }

    /** The strings of a JSON array; an empty list when absent; {@code null} when it is anything else. */
    private static List<String> strings(Object values) {
        if (values == null) {
            return List.of();
        }
        if (!(values instanceof Collection<?> collection)
                || !collection.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        return collection.stream().map(String.class::cast).toList();
    }

    private record IssuerParser(String issuer, JwtParser parser) {
    }
}
