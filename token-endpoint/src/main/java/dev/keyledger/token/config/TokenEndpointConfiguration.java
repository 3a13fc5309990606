package dev.keyledger.token.config;

import dev.keyledger.token.throttle.ThrottleSettings;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/** Wires the token endpoint: its own tables (issuance log, secret usage, revocations) and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ThrottleSettings.class)
public class TokenEndpointConfiguration {

    /** The token endpoint's tables, migrated with their own history table like every side's (DECISIONS.md 8). */
    @Bean
    TokenEndpointSchema tokenEndpointSchema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/token")
                .table("flyway_history_token")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new TokenEndpointSchema();
    }

    /** The proof, as a bean, that the token endpoint's tables exist. */
    static final class TokenEndpointSchema {
    }
}
