package dev.keyledger.kernel.audit.chain;

import dev.keyledger.kernel.audit.canonical.CanonicalJson;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code link(n) = SHA-256(link(n-1) || storedDigest(n) || SHA-256(JCS(entry(n))))}, 96 bytes hashed, where
 * {@code entry(n)} is the audit entry exactly as exported (API.md §2) and {@code storedDigest(n)} binds the stored
 * bytes, which hold more than the entry shows (secret hashes, say). The first link follows {@link #GENESIS}, or the
 * genesis of a store re-anchored on its legacy chain's head ({@link #reanchoredGenesis}).
 */
public final class ChainRule {

    /** The link before the first event of a store that never had a legacy chain. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] REANCHOR_LABEL = "keyledger-audit-chain-v2".getBytes(StandardCharsets.US_ASCII);
    /** One digest per thread: looking the algorithm up costs more than hashing an entry (the verifier's hot path). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ChainRule::newSha256);

    private ChainRule() {
    }

    /** The digest of an exported entry, given as the values a JSON parser yields. */
    public static byte[] entryDigest(Object entry) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        return sha256.digest(CanonicalJson.bytes(entry));
    }

    public static byte[] link(byte[] previous, byte[] storedDigest, byte[] entryDigest) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        sha256.update(previous);
        sha256.update(storedDigest);
        sha256.update(entryDigest);
        return sha256.digest();
    }

    /**
     * The genesis of a chain that replaced a legacy one: {@code SHA-256("keyledger-audit-chain-v2" || int64 big-endian
     * legacyPosition || legacyHead)}. It commits to the legacy chain's head, so the legacy chain stays the evidence
     * for the history before the migration and the new chain continues it.
     */
    public static byte[] reanchoredGenesis(long legacyPosition, byte[] legacyHead) {
        MessageDigest sha256 = sha256();
        sha256.update(REANCHOR_LABEL);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(legacyPosition).array());
        sha256.update(legacyHead);
        return sha256.digest();
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        return newSha256();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
