package dev.keyledger.query.client;

import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.query.paging.Page;
import dev.keyledger.query.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The client view's reads behind {@code GET /api/v1/clients}. */
@Component
public class ClientQueries {

    /**
     * The name holds every piece of the text: narrows through the name's index (query migration V16,
     * docs/DECISIONS.md 141). A text shorter than a piece has none, and only {@link #NAME_MATCHES} can answer it.
     */
    static final String NAME_HAS_PIECES = " AND keyledger_name_grams(name) @> keyledger_search_grams(?)";
    /** The name contains the text, in any case ({@link #containsPattern}): this decides. */
    static final String NAME_MATCHES = " AND name ILIKE ? ESCAPE '\\'";
    private static final int PIECE_LENGTH = 3;

    private final JdbcClient jdbc;
    private final ClientCounts counts;

    ClientQueries(JdbcClient jdbc, ClientCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    public Optional<StoredClient> find(ClientId clientId) {
        return jdbc.sql("SELECT * FROM query_client WHERE client_id = ?")
                .param(clientId.value())
                .query((row, n) -> ClientRows.stored(row))
                .optional();
    }

    /**
     * Whether the view holds version {@code version} of the client (or later) together with every role it holds.
     * A role written before the client may be projected in another segment a moment later; until it is, the
     * client's effective permissions would be incomplete, so a read-your-writes read waits for it too.
     */
    public boolean reached(ClientId clientId, long version) {
        return jdbc.sql("""
                        SELECT c.version >= ? AND NOT EXISTS (
                            SELECT 1 FROM unnest(c.roles) held
                            WHERE NOT EXISTS (SELECT 1 FROM query_role r WHERE r.role_name = held))
                        FROM query_client c WHERE c.client_id = ?""")
                .params(version, clientId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Clients in the order they were created, filtered. */
    public Page<StoredClient> list(ClientFilter filter, PageRequest request) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND status = ?");
            params.add(filter.status().name());
        }
        if (filter.role() != null) {
            where.append(" AND roles @> ARRAY[?]::text[]");
            params.add(filter.role().value());
        }
        String text = filter.nameContains();
        if (text != null) {
            if (text.codePointCount(0, text.length()) >= PIECE_LENGTH) {
                where.append(NAME_HAS_PIECES);
                params.add(text);
            }
            where.append(NAME_MATCHES);
            params.add(containsPattern(text));
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(request.size());
        pageParams.add(request.offset());
        if (text != null) {
            return search(where.toString(), params, pageParams, request);
        }
        long total = counts.of(filter.status(), filter.role());
        // The rows skipped to reach a deep page are walked in the list-order index alone (when nothing is filtered),
        // and only the page's rows read whole: skipping 400,000 whole rows took over a second.
        List<StoredClient> items = jdbc.sql("SELECT c.* FROM query_client c JOIN (SELECT client_id, created_at"
                        + " FROM query_client" + where + " ORDER BY created_at, client_id LIMIT ? OFFSET ?) page"
                        + " USING (client_id) ORDER BY page.created_at, c.client_id")
                .params(pageParams)
                .query((row, n) -> ClientRows.stored(row))
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * A search finds its matches through the name's trigram index once, for the page and its total alike: the index
     * scan is most of its cost (docs/DECISIONS.md 122). An empty first page means no match; a page past the last match
     * has no row to carry the total, which is then counted on its own.
     */
    private Page<StoredClient> search(String where, List<Object> params, List<Object> pageParams, PageRequest request) {
        List<Long> matched = new ArrayList<>();
        List<StoredClient> items = jdbc.sql("SELECT *, count(*) OVER () AS matched FROM query_client" + where
                        + " ORDER BY created_at, client_id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((row, n) -> {
                    matched.add(row.getLong("matched"));
                    return ClientRows.stored(row);
                })
                .list();
        long total = !matched.isEmpty() ? matched.get(0) : request.offset() == 0 ? 0
                : jdbc.sql("SELECT count(*) FROM query_client" + where).params(params).query(Long.class).single();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The text anywhere, matched literally: {@code %} and {@code _} are not wildcards to a user searching a name. */
    static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
