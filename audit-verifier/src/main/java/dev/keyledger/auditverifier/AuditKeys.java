package dev.keyledger.auditverifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The audit public keys, from the JWK Set at {@code /.well-known/keyledger-audit-keys.json}: Ed25519 keys
 * ({@code kty} OKP, {@code crv} Ed25519), by {@code kid}. Keys of other types are skipped: no checkpoint can name them.
 */
public final class AuditKeys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Map<String, PublicKey> byKid;

    private AuditKeys(Map<String, PublicKey> byKid) {
        this.byKid = byKid;
    }

    public static AuditKeys read(Path jwks, ObjectMapper json) throws IOException {
        return read(json.readTree(jwks.toFile()));
    }

    /** The keys of a JWK Set already parsed. */
    public static AuditKeys read(JsonNode jwks) {
        JsonNode keys = jwks.path("keys");
        Map<String, PublicKey> byKid = new HashMap<>();
        for (JsonNode key : keys) {
            if ("OKP".equals(key.path("kty").asText()) && "Ed25519".equals(key.path("crv").asText())
                    && key.hasNonNull("kid") && key.hasNonNull("x")) {
                byKid.put(key.get("kid").asText(), ed25519(Base64.getUrlDecoder().decode(key.get("x").asText())));
            }
        }
        return new AuditKeys(byKid);
    }

    Optional<PublicKey> byKid(String kid) {
        return Optional.ofNullable(kid == null ? null : byKid.get(kid));
    }

    private static PublicKey ed25519(byte[] raw) {
        byte[] der = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
