package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.chain.ChainRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the audit chain starts. A store that never had the legacy chain starts from {@link ChainRule#GENESIS}. A
 * store with a legacy chain ({@code audit_chain}, before issue 12) is re-anchored once, by the first linker to run
 * the new code: the new chain's genesis commits to the legacy head (position and link), and the legacy chain is
 * frozen and still verified, so the history it covers keeps its evidence (docs/AUDIT-EVIDENCE.md, "Re-anchoring").
 * Called under the linker's lock, inside its transaction.
 */
final class ChainAnchor {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchor.class);

    private final JdbcClient jdbc;

    ChainAnchor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The link before the first event, re-anchoring first if the store has a legacy chain and no anchor yet. */
    byte[] genesis() {
        Optional<byte[]> anchored = jdbc.sql("SELECT genesis FROM audit_chain_anchor").query(byte[].class).optional();
        if (anchored.isPresent()) {
            return anchored.get();
        }
        Optional<Anchor> legacyHead = legacyHead(jdbc);
        if (legacyHead.isEmpty()) {
            return ChainRule.GENESIS;
        }
        Anchor anchor = legacyHead.get();
        byte[] genesis = ChainRule.reanchoredGenesis(anchor.legacyPosition(), anchor.legacyHead());
        jdbc.sql("INSERT INTO audit_chain_anchor (legacy_position, legacy_head, genesis, anchored_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(anchor.legacyPosition(), anchor.legacyHead(), genesis,
                        jdbc.sql("SELECT now()").query(OffsetDateTime.class).single())
                .update();
        log.info("audit chain re-anchored on the legacy chain's head at position {} ({})", anchor.legacyPosition(),
                HexFormat.of().formatHex(anchor.legacyHead()));
        return genesis;
    }

    /** The anchor a re-anchored store recorded, if any. */
    static Optional<Anchor> recorded(JdbcClient jdbc) {
        return jdbc.sql("SELECT legacy_position, legacy_head FROM audit_chain_anchor")
                .query((row, n) -> new Anchor(row.getLong(1), row.getBytes(2)))
                .optional();
    }

    private static Optional<Anchor> legacyHead(JdbcClient jdbc) {
        return jdbc.sql("SELECT global_index, link FROM audit_chain ORDER BY global_index DESC LIMIT 1")
                .query((row, n) -> new Anchor(row.getLong(1), row.getBytes(2)))
                .optional();
    }

    /** The legacy chain's head that the new chain's genesis commits to. */
    record Anchor(long legacyPosition, byte[] legacyHead) {
    }
}
