package dev.keyledger.query.processing;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends to the event store, on whichever node, as they commit: a trigger notifies channel {@link #CHANNEL}
 * (event-store migration V2), the query side's listener on it calls {@link #announce()}, and this node's processors'
 * sources read at once instead of at their next poll (docs/DECISIONS.md 44).
 */
@Component
public class AppendNotifications {

    public static final String CHANNEL = "keyledger_events";

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    public void announce() {
        listeners.forEach(Runnable::run);
    }
}
