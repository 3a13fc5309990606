package dev.keyledger.token.accesstoken;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keyledger.token.config.TokenSettingsFixture;
import dev.keyledger.token.jose.KnownSigningKeys;
import dev.keyledger.token.jose.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.keyledger.token.accesstoken.RawJwt.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What an attacker presents instead of an access token, against the real verifier and real keys: many thousand
 * mutations of valid tokens (deterministic seed) — header and claims members set to values of every JSON type, to
 * broken JSON, removed or repeated; unsecured ({@code alg: none}), HMAC-signed with the public key as the secret,
 * signed by a stranger's key under our kid, or re-signed with our own key; parts re-encoded, truncated, added (the
 * JWE shape), oversized. Must hold: no exception escapes, nothing forged verifies, and every refusal is one the
 * verifier expects (its warning about an unexpected failure is never logged).
 */
class AccessTokenVerifierFuzzTest {

    static final String ISSUER = "https://keyledger.example";
    static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final int MUTATIONS = 6_000;

    private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "1e308", "1e400",
            "-1e400", "123456789012345678901234567890", "9223372036854775807", "-9223372036854775808",
            Long.toString(NOW.getEpochSecond()), Long.toString(NOW.toEpochMilli()), string(""), string("x"),
            string("ES256"), string("RS256"), string("EdDSA"), string("none"), string("HS256"), string("RSA-OAEP"),
            string("A256GCM"), string("DEF"), string("at+jwt"), string("JWT"), string("kid-es"), string("kid-rs"),
            string("kid-ed"), string(ISSUER), string("\\u0000"), string("\\ud800"), string("a".repeat(3000)),
            string("2026-12-04T10:00:00Z"), string("1764842400"), "[]", "[null]", "[\"a\"]",
            "[" + string(ISSUER) + ", null]", "[1, 2]", "[[]]", "[\"b64\"]", "[\"exp\"]", "{}", "{\"a\": null}",
            "{\"kid\": \"kid-es\"}", "{\"kty\": \"oct\", \"k\": \"AAAA\"}", "[".repeat(300) + "]".repeat(300),
            "[".repeat(3000) + "]".repeat(3000));
    private static final List<String> BROKEN = List.of("", "undefined", "NaN", "'x'", "01", "\"unterminated",
            "[1,", "{\"a\"}", "tru", "\"\\x\"", "1 2");
    private static final List<String> HEADER_NAMES = List.of("alg", "typ", "kid", "crit", "zip", "b64", "enc", "cty",
            "jku", "jwk", "x5u", "x5c", "epk", "", "extra");
    private static final List<String> CLAIM_NAMES = List.of("iss", "sub", "client_id", "aud", "iat", "nbf", "exp",
            "jti", "scope", "roles", "", "extra");
    private static final String ODD_CHARACTERS = "AZaz09-_+/=. \t\n\u00e9\u0000\"{}";

    /** How a mutated token is signed, and what must then hold for it. */
    private enum Signing {
        /** Re-signed with our own key: a token of ours with odd content. It must only never throw. */
        OURS,
        /** The original signature kept over changed content, or the encoding changed: refused unless unchanged. */
        KEPT,
        /** {@code alg: none}, HMAC with the public key, a stranger's key under our kid: always refused. */
        FORGED
    }

    private final SigningKey es256 = KnownSigningKeys.generate("kid-es", "ES256");
    private final SigningKey rs256 = KnownSigningKeys.generate("kid-rs", "RS256");
    private final SigningKey edDsa = KnownSigningKeys.generate("kid-ed", "EdDSA");
    private final List<SigningKey> ours = List.of(es256, rs256, edDsa);
    private final Map<String, SigningKey> strangers = Map.of("ES256", KnownSigningKeys.generate("kid-es", "ES256"),
            "RS256", KnownSigningKeys.generate("kid-rs", "RS256"), "EdDSA", KnownSigningKeys.generate("kid-ed", "EdDSA"));
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(new KnownSigningKeys(ours),
            TokenSettingsFixture.withIssuer(ISSUER), Clock.fixed(NOW, ZoneOffset.UTC));

    /** Each key's valid token, signed once: signing (RSA above all) would dominate the test's time. */
    private final Map<SigningKey, String> validTokens = new HashMap<>();

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger verifierLog = (Logger) LoggerFactory.getLogger(AccessTokenVerifier.class);

    @BeforeEach
    void listenForWarnings() {
        warnings.start();
        verifierLog.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        verifierLog.detachAppender(warnings);
    }

    /** The token the service would issue at {@link #NOW}, signed by {@code key}. */
    static RawJwt valid(SigningKey key) {
        long now = NOW.getEpochSecond();
        return new RawJwt()
                .header("alg", string(key.algorithm())).header("typ", string("at+jwt")).header("kid", string(key.kid()))
                .claim("iss", string(ISSUER)).claim("sub", string("client-1")).claim("client_id", string("client-1"))
                .claim("aud", string(ISSUER)).claim("iat", Long.toString(now)).claim("nbf", Long.toString(now))
                .claim("exp", Long.toString(now + 600)).claim("jti", string("jti-1"))
                .claim("roles", "[\"reader\"]").claim("scope", string("a:read b:write"));
    }

    @Test
    void whenValidTokensAreMutatedInEveryWay_thenNoExceptionEscapesAndNothingForgedVerifies() {
        for (SigningKey key : ours) {
            assertThat(verifier.verify(valid(key).signedWith(key))).as("the unmutated %s token", key.kid())
                    .isNotNull();
        }
        Random random = new Random(20261204);
        Map<Signing, Integer> verified = new EnumMap<>(Signing.class);
        Map<Signing, Integer> tried = new EnumMap<>(Signing.class);
        for (int i = 0; i < MUTATIONS; i++) {
            SigningKey key = ours.get(random.nextInt(ours.size()));
            VerifiedToken original = verifier.verify(validToken(key));
            Signing signing = Signing.values()[random.nextInt(Signing.values().length)];
            String token = mutated(random, key, signing);
            VerifiedToken result;
            try {
                result = verifier.verify(token);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutation " + i + " (" + signing + ") threw: " + shown(token), e);
            }
            tried.merge(signing, 1, Integer::sum);
            if (result != null) {
                verified.merge(signing, 1, Integer::sum);
                switch (signing) {
                    case FORGED -> fail("mutation %d verified a forged token: %s", i, shown(token));
                    case KEPT -> assertThat(result).as("mutation %d: %s", i, shown(token)).isEqualTo(original);
                    case OURS -> assertThat(result.clientId()).isNotNull();
                }
            }
        }
        assertThat(warnings.list).as("refusals the verifier did not expect").isEmpty();
        assertThat(tried.values()).allSatisfy(count -> assertThat(count).isGreaterThan(MUTATIONS / 4));
        assertThat(verified.getOrDefault(Signing.OURS, 0)).as("re-signed mutations reach the claims' checks")
                .isPositive();
    }

    private String mutated(Random random, SigningKey key, Signing signing) {
        RawJwt jwt = valid(key);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            boolean inHeader = random.nextInt(3) == 0;
            mutateMembers(random, inHeader ? jwt.header : jwt.claims, inHeader ? HEADER_NAMES : CLAIM_NAMES);
        }
        return switch (signing) {
            case OURS -> random.nextInt(8) == 0 ? oversized(random, jwt, key) : jwt.signedWith(key);
            case KEPT -> random.nextBoolean() ? keptSignature(jwt, validToken(key)) : reencoded(random, validToken(key));
            case FORGED -> forged(random, jwt, key);
        };
    }

    private static void mutateMembers(Random random, List<RawJwt.Member> members, List<String> names) {
        String name = names.get(random.nextInt(names.size()));
        String value = random.nextInt(10) == 0 ? BROKEN.get(random.nextInt(BROKEN.size()))
                : VALUES.get(random.nextInt(VALUES.size()));
        switch (random.nextInt(4)) {
            case 0 -> RawJwt.remove(members, name);
            case 1 -> members.add(random.nextInt(members.size() + 1), new RawJwt.Member(name, value));
            default -> RawJwt.set(members, name, value);
        }
    }

    private String validToken(SigningKey key) {
        return validTokens.computeIfAbsent(key, signing -> valid(signing).signedWith(signing));
    }

    /** The changed header and claims under the valid token's signature. */
    private static String keptSignature(RawJwt jwt, String original) {
        return jwt.headerPart() + "." + jwt.claimsPart() + original.substring(original.lastIndexOf('.'));
    }

    private String forged(Random random, RawJwt jwt, SigningKey key) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                RawJwt.set(jwt.header, "alg", string(random.nextBoolean() ? "none" : "None"));
                yield random.nextBoolean() ? jwt.unsigned() : jwt.unsigned() + "AAAA";
            }
            case 1 -> {
                RawJwt.set(jwt.header, "alg", string("HS256"));
                yield jwt.hmacWith(key.publicKey().getEncoded());
            }
            case 2 -> {
                RawJwt.set(jwt.header, "alg", string("HS256"));
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.publicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
                yield jwt.hmacWith(pem.getBytes(StandardCharsets.US_ASCII));
            }
            default -> jwt.signedWith(strangers.get(key.algorithm()));
        };
    }

    /** A token of ours with a member so large that the whole is near or over the verifier's size limit. */
    private static String oversized(Random random, RawJwt jwt, SigningKey key) {
        jwt.claim("padding", string("p".repeat(9_000 + random.nextInt(6_000))));
        return jwt.signedWith(key);
    }

    /** The valid token's text changed as a transport, a proxy or an attacker might change it. */
    private static String reencoded(Random random, String token) {
        String[] parts = token.split("\\.", -1);
        return switch (random.nextInt(12)) {
            case 0 -> replaceAt(token, random.nextInt(token.length()), ODD_CHARACTERS.charAt(
                    random.nextInt(ODD_CHARACTERS.length())));
            case 1 -> token.substring(0, random.nextInt(token.length()));
            case 2 -> {
                int at = random.nextInt(token.length());
                yield token.substring(0, at) + token.substring(at + 1);
            }
            case 3 -> token + "." + parts[random.nextInt(3)];
            case 4 -> jwe(random, parts);
            case 5 -> standardBase64(parts);
            case 6 -> {
                parts[random.nextInt(3)] = "";
                yield String.join(".", parts);
            }
            case 7 -> {
                parts[random.nextInt(2)] = notAnObject(random);
                yield String.join(".", parts);
            }
            case 8 -> token.repeat(2 + random.nextInt(8));
            case 9 -> " " + token + "\n";
            case 10 -> String.join(".", parts[0], parts[1]);
            default -> ".".repeat(random.nextInt(6));
        };
    }

    /** The JWE compact shape: five parts, a header naming a key management algorithm, maybe our kid or none. */
    private static String jwe(Random random, String[] parts) {
        String kid = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> ",\"kid\":null";
            default -> ",\"kid\":\"kid-es\"";
        };
        String header = RawJwt.encode("{\"alg\":\"" + (random.nextBoolean() ? "dir" : "ECDH-ES") + "\",\"enc\":\"A256GCM\""
                + kid + "}");
        return String.join(".", header, random.nextBoolean() ? "" : parts[2], "AAAAAAAAAAAAAAAA", parts[1],
                "AAAAAAAAAAAAAAAAAAAAAA");
    }

    private static String standardBase64(String[] parts) {
        StringBuilder reencoded = new StringBuilder();
        for (String part : parts) {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            reencoded.append(reencoded.isEmpty() ? "" : ".").append(Base64.getEncoder().encodeToString(bytes));
        }
        return reencoded.toString();
    }

    private static String notAnObject(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> RawJwt.encode("[]");
            case 1 -> RawJwt.encode("null");
            case 2 -> RawJwt.encode("\"at+jwt\"");
            case 3 -> RawJwt.encode("{\"alg\":");
            case 4 -> Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[]{'{', '"', (byte) 0xC3, 0x28,
                    '"', ':', '1', '}'});
            default -> RawJwt.encode("\uFEFF{\"alg\":\"ES256\",\"kid\":\"kid-es\"}");
        };
    }

    private static String replaceAt(String text, int at, char replacement) {
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static String shown(String token) {
        return token.length() > 300 ? token.substring(0, 300) + "... (" + token.length() + " characters)" : token;
    }
}
