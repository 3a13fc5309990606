package dev.keyledger.query.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Recomputes the hash chain from the stored events and compares every link. It walks the chain's positions and
 * the event rows together (a full outer join), so a row edited, deleted, moved or slipped in between is found,
 * and reports the first position at fault. Events not yet linked (newer than the chain's head) are not judged.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ChainLinker linker;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, ChainLinker linker) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.linker = linker;
    }

    public ChainVerdict verify() {
        linker.linkAll();
        return readOnly.execute(status -> walk());
    }

    private ChainVerdict walk() {
        Walk walk = new Walk();
        streaming.query("""
                SELECT c.global_index AS linked_at, c.link, e.globalindex, e.eventidentifier, e.aggregateidentifier,
                       e.sequencenumber, e.type, e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata
                FROM audit_chain c FULL OUTER JOIN domainevententry e ON e.globalindex = c.global_index
                WHERE coalesce(c.global_index, e.globalindex)
                      <= (SELECT coalesce(max(global_index), 0) FROM audit_chain)
                ORDER BY coalesce(c.global_index, e.globalindex)""", row -> {
            boolean linked = row.getObject("linked_at") != null;
            boolean present = row.getObject("globalindex") != null;
            if (!linked) {
                walk.broken(row.getLong("globalindex"));
                return;
            }
            long linkedAt = row.getLong("linked_at");
            byte[] stored = row.getBytes("link");
            walk.checked++;
            if (!present) {
                walk.broken(linkedAt);
            } else if (!MessageDigest.isEqual(ChainLinks.next(walk.previous, StoredRow.of(row)), stored)) {
                walk.broken(linkedAt);
            }
            // Go on from the stored link, so that each later link is judged on its own.
            walk.previous = stored;
        });
        boolean empty = walk.checked == 0;
        return new ChainVerdict(walk.firstBroken == null, walk.checked,
                empty ? null : HexFormat.of().formatHex(walk.previous), walk.firstBroken);
    }

    /** The state of one verification pass. */
    private static final class Walk {

        private byte[] previous = ChainLinks.GENESIS;
        private long checked;
        private Long firstBroken;

        void broken(long position) {
            if (firstBroken == null) {
                firstBroken = position;
            }
        }
    }
}
