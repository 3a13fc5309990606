package dev.keyledger.query.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The capacity reserved for streamed exports of the event store: at most {@code concurrency} at once, each on a
 * connection of a pool of their own, made like the service's pool (same database, same credentials). An export holds
 * its connection for as long as its client reads, which may be minutes; from the shared pool it would take the
 * connections the projections and the admin API need (docs/DECISIONS.md 62).
 */
public final class ExportConnections implements AutoCloseable {

    private final Semaphore slots;
    private final HikariDataSource pool;

    private ExportConnections(int concurrency, HikariDataSource pool) {
        this.slots = new Semaphore(concurrency);
        this.pool = pool;
    }

    /** A pool of {@code concurrency} connections beside {@code shared}, which must be a Hikari pool. */
    public static ExportConnections besides(DataSource shared, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("keyledger.audit.export-concurrency must be at least 1");
        }
        if (!(shared instanceof HikariConfig sharedConfig)) {
            throw new IllegalStateException("audit exports need the service's pool to be Hikari's, not "
                    + shared.getClass().getName());
        }
        HikariConfig config = new HikariConfig();
        sharedConfig.copyStateTo(config);
        config.setPoolName(sharedConfig.getPoolName() + "-audit-export");
        config.setMaximumPoolSize(concurrency);
        // No connection is kept while nobody exports.
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new ExportConnections(concurrency, new HikariDataSource(config));
    }

    /**
     * Runs {@code export} on this pool while holding one of its slots; when all are taken, throws
     * {@link ExportsBusy} before running anything.
     */
    public void inSlot(Consumer<DataSource> export) {
        if (!slots.tryAcquire()) {
            throw new ExportsBusy("every export slot is taken; try again when one of the running exports is done");
        }
        try {
            export.accept(pool);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
