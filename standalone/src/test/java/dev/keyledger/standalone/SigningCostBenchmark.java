package dev.keyledger.standalone;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;

import java.security.KeyPair;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The bare cost of signing one access token with jjwt on one core: the floor that the token endpoint's CPU per
 * token is compared with (issue 4: within 2x of it). Same header and claims as Keyledger's tokens.
 *
 * <p>Run: {@code scripts/bench SigningCostBenchmark [ES256|RS256|EdDSA] [seconds]}.
 */
public final class SigningCostBenchmark {

    public static void main(String[] args) {
        String algorithm = args.length > 0 ? args[0] : "ES256";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SignatureAlgorithm jws = switch (algorithm) {
            case "RS256" -> Jwts.SIG.RS256;
            case "EdDSA" -> Jwts.SIG.EdDSA;
            default -> Jwts.SIG.ES256;
        };
        KeyPair keys = jws.keyPair().build();
        sign(jws, keys, seconds / 2); // warm-up
        long started = System.nanoTime();
        long count = sign(jws, keys, seconds);
        double micros = (System.nanoTime() - started) / 1e3 / count;
        System.out.printf(Locale.ROOT, "jjwt %s signing, one thread, JDK %s: %.1f us/token = %.0f tokens/s per core%n",
                algorithm, Runtime.version(), micros, 1e6 / micros);
    }

    private static long sign(SignatureAlgorithm jws, KeyPair keys, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        while (System.nanoTime() < deadline) {
            Date now = new Date();
            String token = Jwts.builder()
                    .header().type("at+jwt").keyId("kid-0123456789").and()
                    .issuer("http://localhost:8080").subject("D4rdmE95eEIEAFclQdaQ8w")
                    .claim("client_id", "D4rdmE95eEIEAFclQdaQ8w")
                    .audience().single("http://localhost:8080")
                    .issuedAt(now).notBefore(now).expiration(new Date(now.getTime() + 3_600_000))
                    .id(UUID.randomUUID().toString())
                    .claim("roles", List.of("reader"))
                    .claim("scope", "read write")
                    .signWith(keys.getPrivate(), jws)
                    .compact();
            count += token.length() > 0 ? 1 : 0;
        }
        return count;
    }
}
