package dev.keyledger.auditverifier;

import dev.keyledger.kernel.audit.canonical.CanonicalJson;
import dev.keyledger.kernel.audit.chain.ChainRule;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed checkpoint in the API's shape, as parsed. Its signature is Ed25519 over JCS of the checkpoint without
 * {@code signature}; the next checkpoint's {@code previousCheckpointHash} is SHA-256 of JCS of this one, signature
 * included.
 *
 * @param source where it was read: {@code evidence} or a published file's name
 */
public record Checkpoint(Map<String, Object> fields, String source) {

    long position() {
        return ((Number) fields.get("position")).longValue();
    }

    long eventCount() {
        return ((Number) fields.get("eventCount")).longValue();
    }

    String headHash() {
        return (String) fields.get("headHash");
    }

    String previousCheckpointHash() {
        return (String) fields.get("previousCheckpointHash");
    }

    String hash() {
        return HexFormat.of().formatHex(ChainRule.sha256().digest(CanonicalJson.bytes(fields)));
    }

    boolean signedBy(AuditKeys keys) {
        Object kid = fields.get("keyId");
        Object signature = fields.get("signature");
        if (!(kid instanceof String) || !(signature instanceof String text)) {
            return false;
        }
        return keys.byKid((String) kid).map(key -> {
            Map<String, Object> signed = new LinkedHashMap<>(fields);
            signed.remove("signature");
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(key);
                ed25519.update(CanonicalJson.bytes(signed));
                return ed25519.verify(Base64.getUrlDecoder().decode(text));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }).orElse(false);
    }

    boolean wellFormed() {
        return EvidenceVerifier.integer(fields.get("position")) != null
                && EvidenceVerifier.integer(fields.get("eventCount")) != null
                && fields.get("headHash") instanceof String;
    }
}
