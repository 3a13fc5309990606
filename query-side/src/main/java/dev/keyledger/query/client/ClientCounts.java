package dev.keyledger.query.client;

import dev.keyledger.kernel.client.ClientStatus;
import dev.keyledger.kernel.id.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many clients the view holds, per status and role, from the counts its triggers keep
 * ({@code query_client_count}, query-side migration V13, docs/DECISIONS.md 124): counting a million rows took longer
 * than a whole list may.
 */
@Component
public class ClientCounts {

    private final JdbcClient jdbc;

    ClientCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Clients with that status and that role, either {@code null} for any. */
    long of(ClientStatus status, RoleName role) {
        return jdbc.sql("SELECT coalesce(sum(n), 0) FROM query_client_count WHERE role = ?"
                        + (status == null ? "" : " AND status = ?"))
                .params(status == null ? new Object[] {role == null ? "" : role.value()}
                        : new Object[] {role == null ? "" : role.value(), status.name()})
                .query(Long.class)
                .single();
    }

    /**
     * Folds the counts of database sessions that have ended into slot 0, so that the rows to sum stay a few per
     * live session. Moved in one statement, they are never counted twice or lost, whichever node folds.
     */
    @Scheduled(fixedDelayString = "${keyledger.query.client-count-fold:PT1M}")
    public void foldEndedSessions() {
        jdbc.sql("""
                WITH ended AS (
                    DELETE FROM query_client_count c WHERE slot <> 0
                       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = c.slot)
                    RETURNING status, role, n)
                INSERT INTO query_client_count (slot, status, role, n)
                SELECT 0, status, role, sum(n) FROM ended GROUP BY status, role
                ON CONFLICT (slot, status, role) DO UPDATE SET n = query_client_count.n + EXCLUDED.n""").update();
    }
}
