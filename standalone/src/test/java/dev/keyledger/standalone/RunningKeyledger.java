package dev.keyledger.standalone;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The standalone service started for real in the test JVM, on a random port and its own data folder. */
final class RunningKeyledger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningKeyledger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningKeyledger start(Path dataDir, String... properties) {
        // As command-line arguments, they take precedence over application.properties, as a user's would.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--keyledger.data-dir=" + dataDir));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new RunningKeyledger(new SpringApplicationBuilder(KeyledgerApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    AdminClient admin() {
        return new AdminClient(URI.create("http://127.0.0.1:" + port()));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    long eventCount() {
        return jdbc().sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    long eventCount(String aggregateId) {
        return jdbc().sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    /** A TEXT[] column of a client's auth view row, in its stored order. */
    List<String> textArray(String column, String clientId) {
        return jdbc().sql("SELECT unnest(" + column + ") FROM query_client_auth WHERE client_id = ?")
                .param(clientId).query(String.class).list();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
