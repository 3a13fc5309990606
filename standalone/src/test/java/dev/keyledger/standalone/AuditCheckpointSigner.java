package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs checkpoints of the running service's chain into {@code audit_checkpoint} exactly as the contract between the
 * issue-12 engineers states them (Ed25519 over JCS without the signature, chained by SHA-256 of JCS with it), and
 * publishes a copy of each into a directory, as the checkpoint writer does; and writes the audit key set.
 */
final class AuditCheckpointSigner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;
    private final String kid;
    private final Path published;

    AuditCheckpointSigner(Path published) {
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.kid = "audit-test-key";
        this.published = published;
    }

    /** The key set, as {@code /.well-known/keyledger-audit-keys.json} serves it. */
    Path writeKeySet(Path file) throws IOException {
        byte[] spki = keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        jwk.put("kid", kid);
        jwk.put("alg", "EdDSA");
        jwk.put("use", "sig");
        Files.writeString(file, JSON.writeValueAsString(Map.of("keys", List.of(jwk))));
        return file;
    }

    /** A checkpoint at the chain's head now; published, and returned in the API's shape. */
    Map<String, Object> checkpoint(JdbcClient jdbc) {
        Map<String, Object> head = jdbc.sql("SELECT global_index, link, (SELECT count(*) FROM audit_link) AS n"
                        + " FROM audit_link ORDER BY global_index DESC LIMIT 1")
                .query((row, n) -> Map.<String, Object>of("position", row.getLong(1),
                        "headHash", HexFormat.of().formatHex(row.getBytes(2)), "eventCount", row.getLong(3)))
                .single();
        String previousHash = jdbc.sql("SELECT position, event_count, head_hash, previous_checkpoint_hash, created_at,"
                        + " key_id, signature FROM audit_checkpoint ORDER BY position DESC LIMIT 1")
                .query((row, n) -> HexFormat.of().formatHex(ChainRule.sha256().digest(CanonicalJson.bytes(shape(
                        row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6), row.getString(7))))))
                .optional().orElse(null);
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> checkpoint = shape((Long) head.get("position"), (Long) head.get("eventCount"),
                (String) head.get("headHash"), previousHash, createdAt, kid, null);
        checkpoint.remove("signature");
        checkpoint.put("signature", sign(CanonicalJson.bytes(checkpoint)));
        jdbc.sql("INSERT INTO audit_checkpoint (position, event_count, head_hash, previous_checkpoint_hash,"
                        + " created_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(checkpoint.get("position"), checkpoint.get("eventCount"), checkpoint.get("headHash"),
                        previousHash, createdAt.atOffset(ZoneOffset.UTC), kid, checkpoint.get("signature"))
                .update();
        try {
            Files.createDirectories(published);
            Files.writeString(published.resolve("checkpoint-" + checkpoint.get("position") + ".json"),
                    CanonicalJson.text(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkpoint;
    }

    /** The table as the contract defines it, for as long as the checkpoint writer's migration is not merged here. */
    static void ensureTable(JdbcClient jdbc) {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS audit_checkpoint (position BIGINT PRIMARY KEY, event_count BIGINT NOT NULL,
                    head_hash TEXT NOT NULL, previous_checkpoint_hash TEXT, created_at TIMESTAMPTZ NOT NULL,
                    key_id TEXT NOT NULL, signature TEXT NOT NULL)""").update();
    }

    private static Map<String, Object> shape(long position, long eventCount, String headHash, String previousHash,
                                             Instant createdAt, String kid, String signature) {
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("position", position);
        checkpoint.put("eventCount", eventCount);
        checkpoint.put("headHash", headHash);
        checkpoint.put("previousCheckpointHash", previousHash);
        checkpoint.put("createdAt", createdAt.toString());
        checkpoint.put("keyId", kid);
        checkpoint.put("signature", signature);
        return checkpoint;
    }

    private String sign(byte[] input) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update(input);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
