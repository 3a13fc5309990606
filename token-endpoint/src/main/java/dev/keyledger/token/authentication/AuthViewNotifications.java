package dev.keyledger.token.authentication;

import dev.keyledger.kernel.postgres.ChannelListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Changes of the client auth view as they commit: the query side's trigger notifies channel
 * {@code keyledger_client_auth}, and the cache refreshes at once; its poll stays as the fallback (DECISIONS.md 45).
 */
@Component
class AuthViewNotifications implements SmartLifecycle {

    private static final String CHANNEL = "keyledger_client_auth";

    private final DataSource dataSource;
    private final ClientAuthCache cache;
    private ChannelListener channel;

    AuthViewNotifications(DataSource dataSource, ClientAuthCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public synchronized void start() {
        channel = ChannelListener.start(dataSource, CHANNEL, cache::refresh);
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
