package dev.keyledger.query.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A real PostgreSQL for the query side's store tests, started once per test JVM, with the event store's and the
 * query side's migrations applied as the service applies them.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String name : new String[] {"eventstore", "query"}) {
                Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/" + name)
                        .table("flyway_history_" + name).baselineOnMigrate(true).baselineVersion("0").load()
                        .migrate();
            }
        }
        return postgres.getPostgresDatabase();
    }

    /** A client on a database whose read model and event store are empty. */
    public static JdbcClient emptied() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        jdbc.sql("TRUNCATE query_client, query_client_auth, query_role, audit_chain, query_node, domainevententry")
                .update();
        return jdbc;
    }

    /**
     * The plan PostgreSQL would run for this statement if a table scan were its last resort: whether an index can
     * serve a statement at all, whatever the few rows of a test table would make the planner prefer.
     */
    public static String planWithoutTableScans(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement off = connection.prepareStatement("SET LOCAL enable_seqscan = off");
                 PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                off.execute();
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
