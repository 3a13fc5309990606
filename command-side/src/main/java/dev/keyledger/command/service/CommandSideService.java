package dev.keyledger.command.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.infrastructure.access.AdminAuthorizer;
import dev.keyledger.infrastructure.access.CheckSignature;
import dev.keyledger.infrastructure.access.RemoteAdminAuthorizer;
import dev.keyledger.infrastructure.boot.KeyledgerDefaults;
import dev.keyledger.infrastructure.crypto.KeyEncryptionKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The command side as a service of its own: the admin write API and the aggregates, on a shared PostgreSQL
 * ({@code SPRING_DATASOURCE_URL}). Admin callers are checked by the token endpoint nodes named in
 * {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS}.
 */
@SpringBootApplication(scanBasePackages = "dev.keyledger.command")
public class CommandSideService {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideService.class);
        application.setDefaultProperties(KeyledgerDefaults.forService("keyledger-command-side"));
        application.run(args);
    }

    /** Admin callers are decided by the token endpoint nodes, whose allowing answers must carry a valid signature. */
    @Bean
    AdminAuthorizer remoteAdminAccess(@Value("${keyledger.admin-access.token-endpoints}") String tokenEndpoints,
                                      @Value("${keyledger.key-encryption-key}") String keyEncryptionKey,
                                      ObjectMapper json) {
        return RemoteAdminAuthorizer.forEndpoints(tokenEndpoints,
                CheckSignature.derivedFrom(KeyEncryptionKey.fromBase64(keyEncryptionKey)), json);
    }
}
