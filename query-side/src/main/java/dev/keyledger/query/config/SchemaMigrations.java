package dev.keyledger.query.config;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The proof, as a bean, that the named Flyway locations were migrated before anything depending on it starts.
 * A copy of the command side's helper: sides share only the kernel, and each migrates on its own.
 */
final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Migrates {@code classpath:db/<name>} for each name, recording each in {@code flyway_history_<name>}. */
    static SchemaMigrations apply(DataSource dataSource, String... names) {
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
