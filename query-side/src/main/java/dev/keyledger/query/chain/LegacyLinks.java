package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.chain.ChainRule;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The legacy chain's rule (table {@code audit_chain}, before issue 12): {@code link(n) = SHA-256(link(n-1) ||
 * int64(global position) || stored form(event n))}, starting from 32 zero bytes. Kept only to verify the legacy
 * chain of a store that was re-anchored (docs/AUDIT-EVIDENCE.md). Pure.
 */
final class LegacyLinks {

    /** The link before the first event. */
    static final byte[] GENESIS = new byte[32];

    private LegacyLinks() {
    }

    static byte[] next(byte[] previous, StoredRow row) {
        MessageDigest sha256 = ChainRule.sha256();
        sha256.update(previous);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(row.globalIndex()).array());
        sha256.update(row.storedForm());
        return sha256.digest();
    }
}
