package dev.keyledger.token.authentication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole client auth view, held in memory and refreshed when the view announces a change (a notification on
 * channel {@code keyledger_client_auth}, TokenEndpointConfiguration) and by polling its revisions as the fallback
 * (DESIGN.md decision 4):
 * token issuance never waits for the database, and an unknown client id is answered from memory as fast as a known
 * one, so timing tells nothing about which ids exist.
 *
 * <p>Revisions come from a sequence, and concurrent projector transactions may commit them out of order. So each
 * poll reads from a floor that trails the newest revision seen by {@link #SETTLE}: a late-committing lower revision
 * is still picked up, and a row is only replaced by a newer revision of itself.
 */
@Component
public class ClientAuthCache implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthCache.class);
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final ClientAuthRepository repository;
    private final Map<String, ClientAuthEntry> entries = new ConcurrentHashMap<>();
    private final RevisionFloor floor;

    ClientAuthCache(ClientAuthRepository repository) {
        this.repository = repository;
        this.floor = new RevisionFloor(SETTLE);
    }

    public Optional<ClientAuthEntry> find(String clientId) {
        return Optional.ofNullable(entries.get(clientId));
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /** Reads what changed; from the poll and from notifications, one at a time. */
    @Scheduled(fixedDelayString = "${keyledger.token.auth-view-poll:PT0.25S}")
    public synchronized void refresh() {
        Instant now = Instant.now();
        List<ClientAuthEntry> changed;
        try {
            changed = repository.changedAfter(floor.at(now));
        } catch (DataAccessException e) {
            LOG.warn("client auth view not readable yet, keeping the cached view: {}", e.getMessage());
            return;
        }
        long newest = floor.newestSeen();
        for (ClientAuthEntry entry : changed) {
            entries.merge(entry.clientId(), entry,
                    (cached, fresh) -> fresh.revision() > cached.revision() ? fresh : cached);
            newest = Math.max(newest, entry.revision());
        }
        floor.seen(newest, now);
    }
}
