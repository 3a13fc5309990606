package dev.keyledger.infrastructure.postgres;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The proof, as a bean, that the named Flyway locations were migrated before anything depending on it starts. Each
 * location keeps a history table of its own, so that each side can be deployed and migrated on its own
 * (docs/DECISIONS.md 8).
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Migrates {@code classpath:db/<name>} for each name, recording each in {@code flyway_history_<name>}. */
    public static SchemaMigrations apply(DataSource dataSource, String... names) {
        for (String name : names) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/" + name)
                    .table("flyway_history_" + name)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
        return new SchemaMigrations();
    }
}
