package dev.keyledger.standalone;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded PostgreSQL the standalone service runs on when no {@code SPRING_DATASOURCE_URL} is given. Its data
 * lives in {@code ${KEYLEDGER_DATA_DIR}/postgres} and survives restarts; only the holder of its password connects
 * ({@link EmbeddedDatabaseAccess}). It is a Spring bean, closed after the pool and everything using the pool (Axon's
 * processors among them), so that it stops last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final String PGDATA = "postgres";

    @Bean(destroyMethod = "release")
    DataDirectory dataDirectory(@Value("${keyledger.data-dir}") String dataDir) {
        return DataDirectory.open(Path.of(dataDir));
    }

    @Bean
    EmbeddedDatabaseAccess embeddedDatabaseAccess(DataDirectory dataDirectory) throws IOException {
        Path pgdata = dataDirectory.resolve(PGDATA);
        OrphanPostmaster.stopIfRunning(pgdata);
        return EmbeddedDatabaseAccess.prepare(dataDirectory, pgdata);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory, EmbeddedDatabaseAccess access) throws IOException {
        Path pgdata = dataDirectory.resolve(PGDATA);
        // Unpacked into the owner-only data folder: zonky's default, under java.io.tmpdir, is writable by everyone.
        LocatedBinaries binaries = new LocatedBinaries(dataDirectory.resolve("postgres-binaries"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                .setPgBinaryResolver(binaries)
                // The embedded defaults trade durability for test speed; an acknowledged command must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Loopback TCP with a password only: no Unix socket, which would sit in a folder anyone can reach.
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "")
                .setConnectConfig("password", access.password())
                .setDataDirectoryCustomizer(directory -> access.apply(directory.toPath(), binaries))
                // Its own shutdown hook would stop PostgreSQL while Axon still runs; Spring closes it in order instead.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        Path initdbPasswordFile = access.initdbPasswordFile();
        if (initdbPasswordFile != null) {
            // Appended after zonky's own "-A trust", so that these win: the cluster is never open without a password.
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPasswordFile.toString());
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseAccess access) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword(access.password());
        config.setPoolName("keyledger-embedded");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
