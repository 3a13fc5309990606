package dev.keyledger.query.projection;

import dev.keyledger.kernel.postgres.ChannelListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends to the event store, on whichever node, as they commit: a trigger notifies channel {@code keyledger_events}
 * (event-store migration V2) and this node's processors' sources are told to read at once instead of at their next
 * poll (DECISIONS.md 44).
 */
@Component
public class AppendNotifications implements SmartLifecycle {

    static final String CHANNEL = "keyledger_events";

    private final DataSource dataSource;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private ChannelListener channel;

    AppendNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        channel = ChannelListener.start(dataSource, CHANNEL, () -> listeners.forEach(Runnable::run));
    }

    @Override
    public synchronized void stop() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return channel != null;
    }
}
