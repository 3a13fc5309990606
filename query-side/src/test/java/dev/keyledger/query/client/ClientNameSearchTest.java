package dev.keyledger.query.client;

import dev.keyledger.query.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client search narrows by the pieces of the name's index (query migration V16) and must never lose a name the
 * {@code ILIKE} would match: every piece it asks for is a piece of every name that contains the text, in any case.
 */
class ClientNameSearchTest {

    private static final List<String> NAMES = List.of("ledger-orders-job-0004711", "Zürich-Ödland_ÉTÉ", "abc",
            "x.y/z 100% sure", "İstanbul-DIŞ-kapı", "a".repeat(18) + "B-c" + "d".repeat(19));

    @Test
    void whenTheTextIsAnyPartOfTheNameInAnyCase_thenTheIndexPiecesKeepTheName() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(partsKept(jdbc)).isGreaterThan(3_000);
        }
    }

    private static int partsKept(JdbcClient jdbc) {
        int checked = 0;
        for (String name : NAMES) {
            for (int from = 0; from < name.length(); from++) {
                for (int to = from + 3; to <= name.length(); to++) {
                    String part = name.substring(from, to);
                    for (String text : List.of(part, part.toUpperCase(Locale.ROOT), part.toLowerCase(Locale.ROOT))) {
                        if (matches(jdbc, name, text)) {
                            assertThat(narrowedTo(jdbc, name, text)).as("%s in %s", text, name).isTrue();
                            checked++;
                        }
                    }
                }
            }
        }
        return checked;
    }

    @Test
    void whenTheNameHasTheWordsInAnotherOrder_thenThePiecesAlreadyRuleItOut() {
        JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource());

        assertThat(narrowedTo(jdbc, "orders-ledger-7", "Ledger-Orders")).isFalse();
        assertThat(narrowedTo(jdbc, "ledger-orders-7", "Ledger-Orders")).isTrue();
    }

    @Test
    void whenTheTextHasThreeCharactersOrMore_thenTheNameIndexAnswersTheSearch() {
        assertThat(TestDatabase.planWithoutTableScans("SELECT client_id FROM query_client WHERE true"
                + ClientQueries.NAME_HAS_PIECES + ClientQueries.NAME_MATCHES, "ledger-orders",
                ClientQueries.containsPattern("ledger-orders")))
                .contains("query_client_name_grams").doesNotContain("Seq Scan");
    }

    private static boolean matches(JdbcClient jdbc, String name, String text) {
        return jdbc.sql("SELECT true FROM (SELECT ? AS name) one WHERE true" + ClientQueries.NAME_MATCHES)
                .params(name, ClientQueries.containsPattern(text))
                .query(Boolean.class).optional().orElse(false);
    }

    private static boolean narrowedTo(JdbcClient jdbc, String name, String text) {
        return jdbc.sql("SELECT true FROM (SELECT ? AS name) one WHERE true" + ClientQueries.NAME_HAS_PIECES)
                .params(name, text)
                .query(Boolean.class).optional().orElse(false);
    }
}
