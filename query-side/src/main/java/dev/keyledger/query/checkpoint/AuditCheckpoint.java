package dev.keyledger.query.checkpoint;

import dev.keyledger.kernel.audit.canonical.CanonicalJson;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One checkpoint in the API's shape (docs/AUDIT-EVIDENCE.md). The signature covers the RFC 8785 canonical JSON of
 * every other member; the next checkpoint's {@code previousCheckpointHash} covers this one's, signature included.
 *
 * @param position               global position of the last event covered
 * @param eventCount             events linked up to and including {@code position}
 * @param headHash               the chain's link at {@code position}, lowercase hex
 * @param previousCheckpointHash {@link #hash()} of the checkpoint before, null for the first
 * @param createdAt              ISO-8601 UTC instant, to the millisecond, exactly as signed
 * @param keyId                  kid of the audit key that signed
 * @param signature              Ed25519, base64url without padding; null only before signing
 */
public record AuditCheckpoint(long position, long eventCount, String headHash, String previousCheckpointHash,
                              String createdAt, String keyId, String signature) {

    /** The bytes that the signature covers: the canonical JSON of the checkpoint without its signature. */
    public byte[] signedContent() {
        return CanonicalJson.bytes(members(false));
    }

    /** The canonical JSON of the whole checkpoint, as it is published. */
    public byte[] canonical() {
        return CanonicalJson.bytes(members(true));
    }

    /** What the next checkpoint names as its predecessor: hex SHA-256 of {@link #canonical()}. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    AuditCheckpoint signedWith(String signature) {
        return new AuditCheckpoint(position, eventCount, headHash, previousCheckpointHash, createdAt, keyId, signature);
    }

    /** The members in the API's order; JSON null for a first checkpoint's predecessor. */
    public Map<String, Object> members(boolean withSignature) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("position", position);
        members.put("eventCount", eventCount);
        members.put("headHash", headHash);
        members.put("previousCheckpointHash", previousCheckpointHash);
        members.put("createdAt", createdAt);
        members.put("keyId", keyId);
        if (withSignature) {
            members.put("signature", signature);
        }
        return members;
    }
}
