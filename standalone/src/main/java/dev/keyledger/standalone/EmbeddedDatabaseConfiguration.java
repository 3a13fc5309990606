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
 * lives in {@code ${KEYLEDGER_DATA_DIR}/postgres} and survives restarts. It is a Spring bean, closed after the pool
 * and everything using the pool (Axon's processors among them), so that it stops last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    DataDirectory dataDirectory(@Value("${keyledger.data-dir}") String dataDir) {
        return DataDirectory.open(Path.of(dataDir));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) throws IOException {
        Path pgdata = dataDirectory.resolve("postgres");
        OrphanPostmaster.stopIfRunning(pgdata);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                // The embedded defaults trade durability for test speed; an acknowledged command must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // Its own shutdown hook would stop PostgreSQL while Axon still runs; Spring closes it in order instead.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("keyledger-embedded");
        config.setMaximumPoolSize(16);
        return new HikariDataSource(config);
    }
}
