package dev.keyledger.token.config;

import dev.keyledger.infrastructure.access.AdminAccessConfiguration;
import dev.keyledger.infrastructure.crypto.KeyEncryptionKey;
import dev.keyledger.infrastructure.openapi.OpenApiConfiguration;
import dev.keyledger.infrastructure.postgres.ChannelListener;
import dev.keyledger.infrastructure.postgres.SchemaMigrations;
import dev.keyledger.infrastructure.web.WebEdgeConfiguration;
import dev.keyledger.token.accesstoken.Revocations;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.throttle.ThrottleSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.util.Map;

/**
 * Wires the token endpoint: its own tables (issuance log, secret usage, revocations), its settings, and the
 * key-encryption key that opens the sealed private signing keys. Scheduling drives the in-memory views' refreshes.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebEdgeConfiguration.class, AdminAccessConfiguration.class, OpenApiConfiguration.class})
@EnableScheduling
@EnableConfigurationProperties(ThrottleSettings.class)
public class TokenEndpointConfiguration {

    /** The token endpoint's tables, migrated with their own history table like every side's (docs/DECISIONS.md 8). */
    @Bean
    SchemaMigrations tokenEndpointSchema(DataSource dataSource) {
        return SchemaMigrations.apply(dataSource, "token");
    }

    /**
     * The key-encryption key ({@code KEYLEDGER_KEY_ENCRYPTION_KEY}), which opens the sealed private keys. Named apart
     * from the command side's bean so that both can live in the standalone JVM.
     */
    @Bean
    SecretKey tokenKeyEncryptionKey(@Value("${keyledger.key-encryption-key}") String base64) {
        return KeyEncryptionKey.fromBase64(base64);
    }

    /**
     * Refreshes the auth view cache as soon as the query side commits a change to the view (its trigger notifies
     * channel {@code keyledger_client_auth}); the cache's own poll stays as the fallback (docs/DECISIONS.md 45). And
     * forgets the admin API's remembered revocation checks as soon as any node stores a revocation (channel
     * {@code keyledger_revocation}, docs/DECISIONS.md 143).
     */
    @Bean(destroyMethod = "close")
    ChannelListener tokenEndpointChannels(DataSource dataSource, ClientAuthCache cache, Revocations revocations) {
        return ChannelListener.start(dataSource, Map.of(
                "keyledger_client_auth", cache::refresh,
                "keyledger_revocation", revocations::revokedElsewhere));
    }
}
