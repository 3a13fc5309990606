package dev.keyledger.infrastructure.postgres;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Listens on one PostgreSQL notification channel on a connection of its own and runs a callback when notifications
 * arrive: at once for the first, then at most once per {@link #COALESCE_MILLIS} while they keep coming, so that a
 * burst of commits costs a listener a few refreshes, not one per commit. A lost connection (PostgreSQL restarting)
 * is opened again every second, and the callback runs then too, since a notification may have been missed
 * meanwhile: listeners keep a poll of their own as the fallback.
 */
public final class ChannelListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_]{1,63}");
    private static final int WAIT_MILLIS = 500;
    private static final long COALESCE_MILLIS = 10;

    private final DataSource dataSource;
    private final String channel;
    private final Runnable onNotification;
    private final Thread thread;
    private volatile boolean running = true;

    private ChannelListener(DataSource dataSource, String channel, Runnable onNotification) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotification = onNotification;
        this.thread = DaemonThreads.named("keyledger-listen-" + channel).newThread(this::listen);
    }

    /** Starts listening; {@link #close()} stops. */
    public static ChannelListener start(DataSource dataSource, String channel, Runnable onNotification) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        ChannelListener listener = new ChannelListener(dataSource, channel, onNotification);
        listener.thread.start();
        return listener;
    }

    private void listen() {
        boolean wasConnected = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                if (!wasConnected) {
                    LOG.info("listening on {} again", channel);
                    notifyListener();
                }
                wasConnected = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    if (postgres.getNotifications(WAIT_MILLIS).length > 0) {
                        notifyListener();
                        pause(COALESCE_MILLIS);
                    }
                }
            } catch (SQLException e) {
                if (running && wasConnected) {
                    LOG.warn("cannot listen on {}, polling only until PostgreSQL answers: {}", channel, e.getMessage());
                }
                wasConnected = false;
                pause(1_000);
            }
        }
    }

    private void notifyListener() {
        try {
            onNotification.run();
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
