package dev.keyledger.token.accesstoken;

import dev.keyledger.token.jose.SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A JWS built by hand, member by member, so that tests can write what no JSON library would: a member twice, a value
 * of any type or no valid JSON at all, and sign it with any key (or none).
 */
final class RawJwt {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** One member of a JSON object; {@code rawValue} is written as is, valid JSON or not. */
    record Member(String name, String rawValue) {
    }

    final List<Member> header = new ArrayList<>();
    final List<Member> claims = new ArrayList<>();

    static String string(String value) {
        return '"' + value + '"';
    }

    RawJwt header(String name, String rawValue) {
        header.add(new Member(name, rawValue));
        return this;
    }

    RawJwt claim(String name, String rawValue) {
        claims.add(new Member(name, rawValue));
        return this;
    }

    RawJwt copy() {
        RawJwt copy = new RawJwt();
        copy.header.addAll(header);
        copy.claims.addAll(claims);
        return copy;
    }

    /** Replaces every occurrence of the member by one with this value (at the first one's place), or adds it. */
    static void set(List<Member> members, String name, String rawValue) {
        int at = -1;
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i).name().equals(name)) {
                members.remove(i);
                at = i;
            }
        }
        members.add(at < 0 ? members.size() : at, new Member(name, rawValue));
    }

    static void remove(List<Member> members, String name) {
        members.removeIf(member -> member.name().equals(name));
    }

    String headerPart() {
        return part(header);
    }

    String claimsPart() {
        return part(claims);
    }

    static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Signed as a JWS of this key's algorithm, whatever the header says. */
    String signedWith(SigningKey key) {
        String input = headerPart() + "." + claimsPart();
        return input + "." + BASE64URL.encodeToString(signature(key.algorithm(), key.privateKey(), input));
    }

    /** Signed with HMAC-SHA256 under the given bytes as the secret (the classic public-key-as-secret confusion). */
    String hmacWith(byte[] secret) {
        String input = headerPart() + "." + claimsPart();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT (RFC 7519 §6): the signature part empty. */
    String unsigned() {
        return headerPart() + "." + claimsPart() + ".";
    }

    private static String part(List<Member> members) {
        return encode(members.stream().map(member -> string(member.name()) + ":" + member.rawValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static byte[] signature(String algorithm, PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance(switch (algorithm) {
                case "ES256" -> "SHA256withECDSAinP1363Format";
                case "RS256" -> "SHA256withRSA";
                case "EdDSA" -> "Ed25519";
                default -> throw new IllegalArgumentException(algorithm);
            });
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
