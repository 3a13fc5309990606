package dev.keyledger.query.integration;

import dev.keyledger.kernel.random.RandomTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The republish jobs of every query-side node, in PostgreSQL ({@code query_kafka_republish}): so that any node
 * answers for a job another node runs, and at most one job runs in the cluster. A job whose node died stops
 * counting as running once its heartbeat is older than {@link #ORPHANED_AFTER}, and reads as failed.
 */
class RepublishJobs {

    static final Duration ORPHANED_AFTER = Duration.ofSeconds(30);
    private static final long START_LOCK = 0x6b6c_7265_7075_626cL;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RepublishJobs(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Records a new running job, unless one is running anywhere ({@link RepublishRunning}, naming it). */
    RepublishStatus start(long fromPosition, long upToPosition) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(START_LOCK).query().singleRow();
            latest().filter(job -> job.state() == RepublishStatus.State.RUNNING).ifPresent(running -> {
                throw new RepublishRunning(running);
            });
            Instant now = Instant.now();
            RepublishStatus started = new RepublishStatus(RandomTokens.urlSafe(12), RepublishStatus.State.RUNNING,
                    fromPosition, upToPosition, 0, now, null, null);
            jdbc.sql("""
                            INSERT INTO query_kafka_republish (job_id, state, from_position, up_to_position, published,
                                started_at, heartbeat_at) VALUES (?, 'RUNNING', ?, ?, 0, ?, ?)""")
                    .params(started.jobId(), fromPosition, upToPosition, Timestamp.from(now), Timestamp.from(now))
                    .update();
            return started;
        });
    }

    void progressed(String jobId, long published) {
        jdbc.sql("UPDATE query_kafka_republish SET published = ?, heartbeat_at = now() WHERE job_id = ?")
                .params(published, jobId).update();
    }

    void finished(String jobId, long published, String error) {
        jdbc.sql("""
                        UPDATE query_kafka_republish SET state = ?, published = ?, finished_at = now(),
                            heartbeat_at = now(), error = ? WHERE job_id = ?""")
                .params(error == null ? "COMPLETED" : "FAILED", published, error, jobId).update();
    }

    /** The running job, or else the last one; empty if none ever ran. */
    Optional<RepublishStatus> latest() {
        return jdbc.sql("SELECT * FROM query_kafka_republish ORDER BY started_at DESC LIMIT 1")
                .query(RepublishJobs::row).optional();
    }

    private static RepublishStatus row(ResultSet row, int index) throws SQLException {
        RepublishStatus.State state = RepublishStatus.State.valueOf(row.getString("state"));
        Timestamp finished = row.getTimestamp("finished_at");
        Instant heartbeat = row.getTimestamp("heartbeat_at").toInstant();
        String error = row.getString("error");
        if (state == RepublishStatus.State.RUNNING && heartbeat.isBefore(Instant.now().minus(ORPHANED_AFTER))) {
            state = RepublishStatus.State.FAILED;
            finished = Timestamp.from(heartbeat);
            error = "the node running it stopped; ask again";
        }
        return new RepublishStatus(row.getString("job_id"), state, row.getLong("from_position"),
                row.getLong("up_to_position"), row.getLong("published"), row.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), error);
    }
}
