package dev.keyledger.query.projection;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens on the event store's {@code keyledger_events} channel (a trigger notifies it on every commit that appends
 * events, on whichever node) and tells the registered listeners: the processors' sources read new events at once,
 * without waiting for their poll. A lost connection (PostgreSQL restarting) is opened again every second, and the
 * listeners are told then too, since a notification may have been missed meanwhile; the sources' poll remains the
 * fallback.
 */
@Component
public class AppendNotifications implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AppendNotifications.class);
    private static final String CHANNEL = "keyledger_events";
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread thread;

    AppendNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        running = true;
        // A platform thread: the code is compiled for Java 17, which has no virtual threads.
        thread = new Thread(this::listen, "keyledger-append-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean wasConnected = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (!wasConnected) {
                    LOG.info("listening for appended events again");
                    notifyListeners();
                }
                wasConnected = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    if (postgres.getNotifications(WAIT_MILLIS).length > 0) {
                        notifyListeners();
                    }
                }
            } catch (SQLException e) {
                if (running && wasConnected) {
                    LOG.warn("cannot listen for appended events, polling only until PostgreSQL answers: {}",
                            e.getMessage());
                }
                wasConnected = false;
                pause();
            }
        }
    }

    private void notifyListeners() {
        listeners.forEach(Runnable::run);
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
