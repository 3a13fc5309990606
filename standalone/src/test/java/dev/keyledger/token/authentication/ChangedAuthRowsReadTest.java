package dev.keyledger.token.authentication;

import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's read of the auth view's changed rows, on the query side's real table (which is why it lives
 * in the module that has both). It runs on every change the endpoint learns of, and PostgreSQL plans it at each
 * execution: the generic plan of a statement prepared on the server cannot know how few rows changed, and scanned
 * the whole view at every read (docs/DECISIONS.md 140).
 */
class ChangedAuthRowsReadTest {

    private EmbeddedPostgres postgres;

    @BeforeEach
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        SchemaMigrations.apply(postgres.getPostgresDatabase(), "query");
    }

    @AfterEach
    void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void whenClientsChangeBetweenReads_thenEachReadTakesOnlyTheChangedOnes() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(one);
            ClientAuthRepository repository = new ClientAuthRepository(jdbc, new JdbcTransactionManager(one));
            write(jdbc, "first-", 100);
            List<String> read = new ArrayList<>();
            long horizon = repository.changedSince(0, row -> read.add(row.clientId()));
            assertThat(read).hasSize(100);

            for (int i = 0; i < 10; i++) {
                write(jdbc, "changed-" + i + "-", 2);
                read.clear();
                long next = repository.changedSince(horizon, row -> read.add(row.clientId()));
                assertThat(read).containsExactly("changed-" + i + "-0", "changed-" + i + "-1");
                assertThat(next).isGreaterThan(horizon);
                horizon = next;
            }

            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_prepared_statements"
                    + " WHERE statement LIKE '%next_horizon%'", Long.class))
                    .as("the driver prepares a statement on the server from its fifth execution on").isZero();
        }
    }

    /** Clients written in one transaction, as a projector's batch writes them. */
    private static void write(JdbcTemplate jdbc, String prefix, int count) {
        jdbc.update("""
                INSERT INTO query_client_auth (client_id, status, primary_secret_id, primary_hash, roles, permissions,
                                               access_token_ttl_seconds, allowed_audiences, version)
                SELECT ? || n, 'ACTIVE', 'sec_' || n, 'AAAA', '{}', '{}', 300, '{}', 0
                FROM generate_series(0, ? - 1) AS n ORDER BY n
                """, prefix, count);
    }
}
