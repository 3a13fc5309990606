package dev.keyledger.query.checkpoint;

import dev.keyledger.infrastructure.crypto.KeyEncryptionKey;
import dev.keyledger.infrastructure.crypto.SealedBox;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit keys as the command side keeps them ({@code command_audit_key_material}, read here and never written):
 * the active one, opened with the key-encryption key to sign a checkpoint, and every one's public part as a JWK
 * (RFC 8037: {@code kty} OKP, {@code crv} Ed25519). Reads the table each time: a checkpoint is made once a minute.
 */
@Component
public class AuditKeys {

    /** An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte header and the 32-byte key (RFC 8410). */
    private static final int RAW_PUBLIC_KEY = 32;

    private final JdbcClient jdbc;
    private final SealedBox box;

    AuditKeys(JdbcClient jdbc, @Value("${keyledger.key-encryption-key}") String keyEncryptionKey) {
        this.jdbc = jdbc;
        this.box = new SealedBox(KeyEncryptionKey.fromBase64(keyEncryptionKey));
    }

    /** The key that signs checkpoints now; empty before the command side made the first one. */
    Optional<ActiveKey> active() {
        return jdbc.sql("SELECT kid, sealed_private_key FROM command_audit_key_material WHERE status = 'ACTIVE'"
                        + " ORDER BY activated_at DESC LIMIT 1")
                .query((rs, n) -> new ActiveKey(rs.getString("kid"), open(rs.getString("kid"),
                        rs.getBytes("sealed_private_key"))))
                .optional();
    }

    /**
     * Every audit key ever published, retired ones too, oldest first: a checkpoint must stay verifiable for as long
     * as the history it covers is kept.
     */
    public List<Map<String, Object>> publicJwks() {
        return jdbc.sql("SELECT kid, public_key FROM command_audit_key_material ORDER BY created_at, kid")
                .query((rs, n) -> jwk(rs.getString("kid"), rs.getBytes("public_key")))
                .list();
    }

    private static Map<String, Object> jwk(String kid, byte[] subjectPublicKeyInfo) {
        byte[] raw = Arrays.copyOfRange(subjectPublicKeyInfo, subjectPublicKeyInfo.length - RAW_PUBLIC_KEY,
                subjectPublicKeyInfo.length);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        jwk.put("kid", kid);
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        return jwk;
    }

    private PrivateKey open(String kid, byte[] sealed) {
        byte[] pkcs8 = box.open(sealed, AuditKeyStream.idOf(kid).getBytes(StandardCharsets.UTF_8));
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit key " + kid + " is not an Ed25519 key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The signing key's kid and private part; its {@code toString} never shows the key. */
    record ActiveKey(String kid, PrivateKey privateKey) {

        @Override
        public String toString() {
            return "ActiveKey[kid=" + kid + "]";
        }
    }
}
