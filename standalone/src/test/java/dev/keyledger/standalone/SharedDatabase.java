package dev.keyledger.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL of one deployment of several nodes, for the tests that run more than one: every node started here
 * shares it and the deployment's key-encryption key (nodes cannot open each other's keys otherwise). Close the nodes
 * before it.
 */
final class SharedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dir;

    private SharedDatabase(EmbeddedPostgres postgres, Path dir) {
        this.postgres = postgres;
        this.dir = dir;
    }

    /** A fresh PostgreSQL in {@code dir/pg}; the nodes' data folders go beside it. */
    static SharedDatabase start(Path dir) throws IOException {
        return new SharedDatabase(EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start(), dir);
    }

    /** Starts the node {@code name} on this database, with the deployment's settings and then these. */
    RunningKeyledger node(String name, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "keyledger.key-encryption-key=" + RunningKeyledger.SHARED_KEY_ENCRYPTION_KEY));
        all.addAll(List.of(properties));
        return RunningKeyledger.start(dir.resolve(name), all.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
