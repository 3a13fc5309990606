package dev.keyledger.command.caching;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache, holding only states whose events have committed. Axon puts an aggregate into its cache when
 * its unit of work saves it, and takes it out when that unit of work rolls back; but a unit of work may join a wider
 * Spring transaction (a role's deletion unassigning its holders, an idempotent registration) that can still roll back
 * after the unit of work is done. A state cached then would be ahead of the store, and the next command would append
 * after events that never were. So a put inside a transaction first removes the key and puts the state only once the
 * transaction has committed. Entries are weakly held: a garbage collection may drop those no command is using, and a
 * miss reads the events again. Only for a node that is the event store's only writer (docs/DECISIONS.md 146).
 */
public final class CommittedAggregateCache implements Cache {

    private final Cache committed = new WeakReferenceCache();

    @Override
    public <K, V> V get(K key) {
        return committed.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.put(key, value);
            return;
        }
        committed.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.put(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (committed.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = committed.get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V present = committed.get(key);
        if (present != null) {
            put(key, update.apply(present));
        }
    }

    @Override
    public boolean remove(Object key) {
        return committed.remove(key);
    }

    @Override
    public void removeAll() {
        committed.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return committed.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return committed.registerCacheEntryListener(listener);
    }
}
