package dev.keyledger.query.client;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.query.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' read of a batch's clients is planned at every execution, never kept as a prepared statement's generic
 * plan: one made while the view was empty (a replay starts from empty) scans the whole table at every batch.
 */
class ClientViewStoreReadPlanTest {

    @Test
    void whenABatchReadRunsOftenOnOneConnection_thenThatConnectionNeverPreparesIt() throws SQLException {
        TestDatabase.emptied();
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            ClientViewStore store = new ClientViewStore(one);

            for (int i = 0; i < 10; i++) {
                assertThat(store.loadAll(List.of(ClientId.generate(), ClientId.generate()))).isEmpty();
            }

            assertThat(one.queryForObject("SELECT count(*) FROM pg_prepared_statements"
                    + " WHERE statement LIKE '%FROM query_client WHERE client_id = ANY%'", Long.class))
                    .as("the driver prepares a statement on the server from its fifth execution on").isZero();
        }
    }
}
