package dev.keyledger.infrastructure.postgres;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Listens on PostgreSQL notification channels on a connection of its own (one for all of a service's channels, since
 * each holds a pooled connection for good) and runs a channel's callback when its notifications arrive: at once for
 * the first, then at most once per {@link #COALESCE_MILLIS} while they keep coming, so that a burst of commits costs a
 * listener a few refreshes, not one per commit. A lost connection (PostgreSQL restarting) is opened again every
 * second, and every callback runs then too, since a notification may have been missed meanwhile: listeners keep a
 * poll or a time limit of their own as the fallback.
 */
public final class ChannelListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_]{1,63}");
    private static final int WAIT_MILLIS = 500;
    private static final long COALESCE_MILLIS = 10;

    private final DataSource dataSource;
    private final Map<String, Runnable> callbacks;
    private final String channels;
    private final Thread thread;
    private volatile boolean running = true;

    private ChannelListener(DataSource dataSource, Map<String, Runnable> callbacks) {
        this.dataSource = dataSource;
        this.callbacks = callbacks;
        this.channels = String.join(", ", callbacks.keySet());
        this.thread = DaemonThreads.named("keyledger-listen-" + String.join("+", callbacks.keySet()))
                .newThread(this::listen);
    }

    /** Starts listening on one channel; {@link #close()} stops. */
    public static ChannelListener start(DataSource dataSource, String channel, Runnable onNotification) {
        return start(dataSource, Map.of(channel, onNotification));
    }

    /** Starts listening on each channel with its callback, on one connection; {@link #close()} stops. */
    public static ChannelListener start(DataSource dataSource, Map<String, Runnable> callbacks) {
        if (callbacks.isEmpty()) {
            throw new IllegalArgumentException("no channel to listen on");
        }
        for (String channel : callbacks.keySet()) {
            if (!CHANNEL_NAME.matcher(channel).matches()) {
                throw new IllegalArgumentException("not a channel name: " + channel);
            }
        }
        ChannelListener listener = new ChannelListener(dataSource, new TreeMap<>(callbacks));
        listener.thread.start();
        return listener;
    }

    private void listen() {
        boolean wasConnected = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    for (String channel : callbacks.keySet()) {
                        listen.execute("LISTEN " + channel);
                    }
                }
                if (!wasConnected) {
                    LOG.info("listening on {} again", channels);
                    callbacks.forEach(this::notifyListener);
                }
                wasConnected = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications.length > 0) {
                        callbacks.forEach((channel, callback) -> {
                            if (announces(notifications, channel)) {
                                notifyListener(channel, callback);
                            }
                        });
                        pause(COALESCE_MILLIS);
                    }
                }
            } catch (SQLException e) {
                if (running && wasConnected) {
                    LOG.warn("cannot listen on {}, polling only until PostgreSQL answers: {}", channels, e.getMessage());
                }
                wasConnected = false;
                pause(1_000);
            }
        }
    }

    private static boolean announces(PGNotification[] notifications, String channel) {
        for (PGNotification notification : notifications) {
            if (notification.getName().equals(channel)) {
                return true;
            }
        }
        return false;
    }

    private void notifyListener(String channel, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // The listener's failure must not end the listening; its own poll will try again.
            LOG.warn("handling a notification on {} failed: {}", channel, e.getMessage());
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
