package dev.keyledger.infrastructure.postgres;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The proof, as a bean, that the named Flyway locations were migrated before anything depending on it starts. Each
 * location keeps a history table of its own, so that each side can be deployed and migrated on its own
 * (docs/DECISIONS.md 8).
 *
 * <p>Nodes that start at once on a fresh database take turns: Flyway locks while it migrates, but not while it
 * creates a history table and decides whether to baseline, and a node that looked in between refused to start
 * ("non-empty schema without schema history table"). A session-level advisory lock, held on a connection of its own
 * around all of one node's migrations, serialises them.
 */
public final class SchemaMigrations {

    /** The advisory lock's key: any constant no other code of ours locks on ("kl-migr" in ASCII). */
    private static final long LOCK = 0x6b6c2d6d696772L;

    private SchemaMigrations() {
    }

    /** Migrates {@code classpath:db/<name>} for each name, recording each in {@code flyway_history_<name>}. */
    public static SchemaMigrations apply(DataSource dataSource, String... names) {
        try (Connection lockHolder = dataSource.getConnection(); Statement lock = lockHolder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                for (String name : names) {
                    migrate(dataSource, name);
                }
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take turns migrating the schema: " + e.getMessage(), e);
        }
        return new SchemaMigrations();
    }

    private static void migrate(DataSource dataSource, String name) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + name)
                .table("flyway_history_" + name)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
