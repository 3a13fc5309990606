package dev.keyledger.token.authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The client auth view without PostgreSQL: the rows a test puts in, handed to the real {@link ClientAuthCache} on
 * its next refresh as if the query side had just written them.
 */
public final class InMemoryClientAuthView extends ClientAuthRepository {

    private final List<ClientAuthEntry> rows = new ArrayList<>();
    private final ClientAuthCache cache = new ClientAuthCache(this);

    public InMemoryClientAuthView() {
        super(null, null);
    }

    /** Writes a row and lets the cache read it. */
    public InMemoryClientAuthView with(ClientAuthEntry row) {
        rows.add(row);
        cache.refresh();
        return this;
    }

    public ClientAuthCache cache() {
        return cache;
    }

    @Override
    long changedSince(long horizon, Consumer<ClientAuthEntry> into) {
        rows.forEach(into);
        return horizon + 1;
    }
}
