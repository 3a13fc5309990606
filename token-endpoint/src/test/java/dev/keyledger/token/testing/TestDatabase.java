package dev.keyledger.token.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL for the token endpoint's store tests, with its migrations applied as the service applies them,
 * reached through a Hikari pool as the service reaches it. One is shared by the tests of a JVM; a test that stops
 * the database starts one of its own.
 */
public final class TestDatabase implements AutoCloseable {

    private static TestDatabase shared;

    private final Path dataDir;
    private final HikariDataSource pool;
    private EmbeddedPostgres postgres;

    private TestDatabase(Path dataDir) {
        this.dataDir = dataDir;
        this.postgres = start(dataDir, 0);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(1_000);
        this.pool = new HikariDataSource(config);
    }

    /** The database the tests of this JVM share, migrated. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = ownMigrated();
        }
        return shared;
    }

    /** A database of the caller's own, migrated, which it may stop and start again. */
    public static TestDatabase ownMigrated() {
        TestDatabase database = own();
        migrate(database.dataSource(), null);
        return database;
    }

    /** A database of the caller's own, not migrated. */
    public static TestDatabase own() {
        try {
            return new TestDatabase(Files.createTempDirectory("keyledger-token-db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token endpoint's migrations, as {@code TokenEndpointConfiguration} runs them, up to a version if given. */
    public static void migrate(DataSource dataSource, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/token")
                .table("flyway_history_token").baselineOnMigrate(true).baselineVersion("0");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(pool);
    }

    public TransactionTemplate transaction() {
        return new TransactionTemplate(new JdbcTransactionManager(pool));
    }

    /** PostgreSQL goes away: every connection of the pool breaks, and new ones are refused. */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL comes back on the same port with the same data. */
    public synchronized void startAgain() {
        postgres = start(dataDir, postgres.getPort());
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                    .setCleanDataDirectory(false);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
        stop();
    }
}
