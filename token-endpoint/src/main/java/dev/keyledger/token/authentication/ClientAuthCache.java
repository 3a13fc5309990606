package dev.keyledger.token.authentication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole client auth view, held in memory and refreshed when the view announces a change (a notification on
 * channel {@code keyledger_client_auth}, TokenEndpointConfiguration) and by polling as the fallback
 * (DESIGN.md decision 4):
 * token issuance never waits for the database, and an unknown client id is answered from memory as fast as a known
 * one, so timing tells nothing about which ids exist.
 *
 * <p>No committed change can be missed, however long its transaction took to commit (docs/DECISIONS.md 61): each read
 * takes the rows written by any transaction its predecessor's snapshot did not see, that is every transaction id at
 * or above the predecessor's snapshot xmin. Rows seen before may be read again (while a long transaction anywhere
 * in the database holds the xmin back, every row written since it began); a row only replaces an older revision of
 * itself.
 */
@Component
public class ClientAuthCache implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthCache.class);

    private final ClientAuthRepository repository;
    private final Map<String, ClientAuthEntry> entries = new ConcurrentHashMap<>();
    /** Where the next read starts: zero (every row) until the first read succeeded. */
    private long horizon;
    /** {@code System.nanoTime()} when the last successful read began (its snapshot is at least that recent). */
    private volatile long lastReadAt;
    private volatile boolean loaded;

    ClientAuthCache(ClientAuthRepository repository) {
        this.repository = repository;
    }

    public Optional<ClientAuthEntry> find(String clientId) {
        return Optional.ofNullable(entries.get(clientId));
    }

    /**
     * How long ago the last successful read of the view began: the cache holds every change committed before then,
     * so this bounds how far it lags the view (the view's own lag behind the event store is the query side's).
     * Empty until the first read succeeded.
     */
    public Optional<Duration> age() {
        return loaded ? Optional.of(Duration.ofNanos(System.nanoTime() - lastReadAt)) : Optional.empty();
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /** Reads what changed; from the poll and from notifications, one at a time. */
    @Scheduled(fixedDelayString = "${keyledger.token.auth-view-poll:PT0.25S}")
    public synchronized void refresh() {
        long started = System.nanoTime();
        try {
            horizon = repository.changedSince(horizon, entry -> entries.merge(entry.clientId(), entry,
                    (cached, fresh) -> fresh.revision() > cached.revision() ? fresh : cached));
        } catch (DataAccessException e) {
            LOG.warn("client auth view not readable yet, keeping the cached view: {}", e.getMessage());
            return;
        }
        lastReadAt = started;
        loaded = true;
    }
}
