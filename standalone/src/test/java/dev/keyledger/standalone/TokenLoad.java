package dev.keyledger.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.keyledger.standalone.TokenEndpointTest.basic;

/**
 * Machines asking for tokens as fast as they can, for a benchmark that must hold while the token endpoint is busy:
 * {@code connections} threads, each sending its next request when the previous one is answered, all as one client.
 */
final class TokenLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong issued = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final long startedAt = System.nanoTime();

    private TokenLoad(RunningKeyledger keyledger, int connections) {
        AdminClient.Answer client = keyledger.admin().post("/api/v1/clients",
                "{\"name\":\"" + UniqueNames.unique("token-load") + "\"}");
        String authorization = basic(client.text("clientId"), client.text("clientSecret"));
        keyledger.tokenFor(client.text("clientId"), client.text("clientSecret"));
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                AdminClient anonymous = keyledger.anonymous();
                while (running.get()) {
                    if (anonymous.form("/oauth2/token", "grant_type=client_credentials", "Authorization",
                            authorization).status() == 200) {
                        issued.incrementAndGet();
                    }
                }
            }, "token-load-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** No threads at all when {@code connections} is zero. */
    static TokenLoad start(RunningKeyledger keyledger, int connections) {
        return new TokenLoad(keyledger, connections);
    }

    /** Tokens issued per second since the start. */
    double tokensPerSecond() {
        return issued.get() / ((System.nanoTime() - startedAt) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
