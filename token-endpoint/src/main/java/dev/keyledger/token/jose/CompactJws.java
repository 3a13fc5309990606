package dev.keyledger.token.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jsonwebtoken.security.SecureRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a JWT in the JWS compact serialization (RFC 7515 §7.1): {@code BASE64URL(header) "." BASE64URL(claims) "."
 * BASE64URL(signature)}, the header being {@code alg}, {@code typ} and {@code kid}, the signature computed by jjwt's
 * JWA algorithm for the key (which also checks that the key fits the algorithm).
 * <p>
 * jjwt's builder does the same assembly, but with several times the garbage and CPU per token (parameter maps,
 * buffers per part; figures in docs/BENCHMARKS.md); at thousands of tokens a second that garbage sets how often the
 * collector stops every request in flight (docs/DECISIONS.md 46). This costs the signature's own allocation plus the
 * two JSON documents.
 */
public final class CompactJws {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ObjectWriter json;
    private volatile EncodedHeader lastHeader;

    public CompactJws(ObjectMapper json) {
        this.json = json.writer();
    }

    public String sign(SigningKey key, String type, Map<String, ?> claims) {
        byte[] headerPart = headerPart(key, type);
        byte[] claimsPart = BASE64URL.encode(write(claims));
        byte[] signingInput = new byte[headerPart.length + 1 + claimsPart.length];
        System.arraycopy(headerPart, 0, signingInput, 0, headerPart.length);
        signingInput[headerPart.length] = '.';
        System.arraycopy(claimsPart, 0, signingInput, headerPart.length + 1, claimsPart.length);

        byte[] signature = BASE64URL.encode(
                key.jwsAlgorithm().digest(new SigningInput(signingInput, key.privateKey())));
        byte[] jws = Arrays.copyOf(signingInput, signingInput.length + 1 + signature.length);
        jws[signingInput.length] = '.';
        System.arraycopy(signature, 0, jws, signingInput.length + 1, signature.length);
        return new String(jws, StandardCharsets.US_ASCII);
    }

    /** The header depends only on the key and the type: encoded once per key, not per token. Never written to. */
    private byte[] headerPart(SigningKey key, String type) {
        EncodedHeader last = lastHeader;
        if (last != null && last.kid().equals(key.kid()) && last.type().equals(type)) {
            return last.part();
        }
        Map<String, String> header = new LinkedHashMap<>(4);
        header.put("alg", key.algorithm());
        header.put("typ", type);
        header.put("kid", key.kid());
        EncodedHeader encoded = new EncodedHeader(key.kid(), type, BASE64URL.encode(write(header)));
        lastHeader = encoded;
        return encoded.part();
    }

    private byte[] write(Map<String, ?> document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the token's JSON could not be written: " + e.getOriginalMessage(), e);
        }
    }

    private record EncodedHeader(String kid, String type, byte[] part) {
    }

    /** jjwt's request to sign: the JWS signing input and the private key; the JCA's default provider and randomness. */
    private record SigningInput(byte[] bytes, PrivateKey key) implements SecureRequest<InputStream, PrivateKey> {

        @Override
        public InputStream getPayload() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public PrivateKey getKey() {
            return key;
        }

        @Override
        public Provider getProvider() {
            return null;
        }

        @Override
        public SecureRandom getSecureRandom() {
            return null;
        }
    }
}
