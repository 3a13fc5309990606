package dev.keyledger.infrastructure.jwk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A client's public key: EC P-256 ({@code ES256}), RSA of 2048 to 4096 bits ({@code RS256} or {@code PS256}) or
 * Ed25519 ({@code EdDSA}, not of small order). {@link #json()} is the key reduced to its public members plus
 * {@code kid} and {@code alg}, members in a fixed order: what is stored, and what {@link #parse(String)} reads back.
 *
 * @param kid the JWK's own {@code kid}, else its RFC 7638 thumbprint
 */
public record PublicJwk(PublicKey key, String kty, String alg, String kid, String json) {

    /** The signature algorithms a client's assertion may use: no {@code none}, no HMAC (RFC 7523 §3, API.md §1). */
    public static final Set<String> ALGORITHMS = Set.of("ES256", "RS256", "PS256", "EdDSA");

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final int MIN_RSA_BITS = 2048;
    // Beyond these a verification costs many times a normal one, and no key generator makes such keys.
    private static final int MAX_RSA_BITS = 4096;
    private static final BigInteger MAX_RSA_EXPONENT = BigInteger.TWO.pow(32);
    private static final Pattern KID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();
    // P-256's field prime and curve coefficients (SEC 2, secp256r1): a point must lie on the curve.
    private static final BigInteger P256_P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    /** Reads a stored or submitted JWK. */
    public static PublicJwk parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidJwk("a JWK is a JSON object");
            }
            return parse((ObjectNode) node);
        } catch (JsonProcessingException e) {
            throw new InvalidJwk("a JWK is a JSON object");
        }
    }

    public static PublicJwk parse(ObjectNode jwk) {
        for (String member : PRIVATE_MEMBERS) {
            if (jwk.has(member)) {
                throw new InvalidJwk("the JWK holds private member \"" + member
                        + "\": register the public key only, the private key never leaves the client");
            }
        }
        String use = optionalText(jwk, "use");
        if (use != null && !use.equals("sig")) {
            throw new InvalidJwk("\"use\" must be \"sig\"");
        }
        String kty = text(jwk, "kty");
        Map<String, String> members = new LinkedHashMap<>();
        PublicKey key;
        String alg;
        switch (kty) {
            case "EC" -> {
                requireEqual(jwk, "crv", "P-256");
                members.put("crv", "P-256");
                members.put("kty", kty);
                members.put("x", text(jwk, "x"));
                members.put("y", text(jwk, "y"));
                key = ecKey(bytes(members.get("x"), "x", 32), bytes(members.get("y"), "y", 32));
                alg = algorithm(jwk, "ES256", Set.of("ES256"));
            }
            case "RSA" -> {
                members.put("e", text(jwk, "e"));
                members.put("kty", kty);
                members.put("n", text(jwk, "n"));
                key = rsaKey(bytes(members.get("n"), "n", -1), bytes(members.get("e"), "e", -1));
                alg = algorithm(jwk, "RS256", Set.of("RS256", "PS256"));
            }
            case "OKP" -> {
                requireEqual(jwk, "crv", "Ed25519");
                members.put("crv", "Ed25519");
                members.put("kty", kty);
                members.put("x", text(jwk, "x"));
                key = ed25519Key(bytes(members.get("x"), "x", 32));
                alg = algorithm(jwk, "EdDSA", Set.of("EdDSA"));
            }
            default -> throw new InvalidJwk("\"kty\" must be \"EC\" (P-256), \"RSA\" (2048 bits or more) or \"OKP\""
                    + " (Ed25519)");
        }
        String kid = optionalText(jwk, "kid");
        if (kid == null) {
            kid = thumbprint(members);
        } else if (!KID.matcher(kid).matches()) {
            throw new InvalidJwk("\"kid\" must be 1-128 printable ASCII characters");
        }
        Map<String, String> stored = new LinkedHashMap<>(members);
        stored.put("kid", kid);
        stored.put("alg", alg);
        try {
            return new PublicJwk(key, kty, alg, kid, JSON.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings could not be written as JSON", e);
        }
    }

    private static PublicKey ecKey(byte[] x, byte[] y) {
        BigInteger px = new BigInteger(1, x);
        BigInteger py = new BigInteger(1, y);
        BigInteger left = py.modPow(BigInteger.TWO, P256_P);
        BigInteger right = px.pow(3).subtract(px.multiply(BigInteger.valueOf(3))).add(P256_B).mod(P256_P);
        if (px.compareTo(P256_P) >= 0 || py.compareTo(P256_P) >= 0 || !left.equals(right)) {
            throw new InvalidJwk("the EC key's point is not on the P-256 curve");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(px, py), spec));
        } catch (GeneralSecurityException e) {
            throw new InvalidJwk("the EC key is not a valid P-256 public key");
        }
    }

    private static PublicKey rsaKey(byte[] n, byte[] e) {
        BigInteger modulus = new BigInteger(1, n);
        BigInteger exponent = new BigInteger(1, e);
        if (modulus.bitLength() < MIN_RSA_BITS || modulus.bitLength() > MAX_RSA_BITS) {
            throw new InvalidJwk("the RSA key has " + modulus.bitLength() + " bits: " + MIN_RSA_BITS + " to "
                    + MAX_RSA_BITS + " are required");
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0
                || exponent.compareTo(MAX_RSA_EXPONENT) >= 0) {
            throw new InvalidJwk("the RSA key's exponent \"e\" must be odd, at least 3 and below 2^32"
                    + " (65537 is usual)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException ex) {
            throw new InvalidJwk("the RSA key is not a valid public key");
        }
    }

    /** RFC 8032 §5.1.2: little-endian y, the top bit of the last byte is the sign of x. */
    private static PublicKey ed25519Key(byte[] encoded) {
        byte[] reversed = new byte[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            reversed[i] = encoded[encoded.length - 1 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        BigInteger y = new BigInteger(1, reversed);
        Ed25519Point.requireSafe(y, xOdd);
        try {
            EdECPoint point = new EdECPoint(xOdd, y);
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        } catch (GeneralSecurityException e) {
            throw new InvalidJwk("the OKP key is not a valid Ed25519 public key");
        }
    }

    private static String algorithm(ObjectNode jwk, String preferred, Set<String> allowed) {
        String alg = optionalText(jwk, "alg");
        if (alg == null) {
            return preferred;
        }
        if (!allowed.contains(alg)) {
            throw new InvalidJwk("\"alg\" " + alg + " does not fit this key: use one of " + allowed);
        }
        return alg;
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no white space. */
    private static String thumbprint(Map<String, String> members) {
        try {
            Map<String, String> sorted = new TreeMap<>(members);
            byte[] canonical = JSON.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of a JWK could not be computed", e);
        }
    }

    private static byte[] bytes(String base64url, String member, int expectedLength) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new InvalidJwk("\"" + member + "\" must be base64url");
        }
        if (expectedLength > 0 && decoded.length != expectedLength) {
            throw new InvalidJwk("\"" + member + "\" must be " + expectedLength + " bytes");
        }
        if (decoded.length == 0) {
            throw new InvalidJwk("\"" + member + "\" must not be empty");
        }
        return decoded;
    }

    private static void requireEqual(ObjectNode jwk, String member, String expected) {
        if (!expected.equals(optionalText(jwk, member))) {
            throw new InvalidJwk("\"" + member + "\" must be \"" + expected + "\"");
        }
    }

    private static String text(ObjectNode jwk, String member) {
        String value = optionalText(jwk, member);
        if (value == null) {
            throw new InvalidJwk("the JWK has no \"" + member + "\"");
        }
        return value;
    }

    private static String optionalText(ObjectNode jwk, String member) {
        JsonNode node = jwk.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidJwk("\"" + member + "\" must be a string");
        }
        return node.textValue();
    }
}
