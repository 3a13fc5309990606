package dev.keyledger.command.app;

import dev.keyledger.infrastructure.access.RemoteAdminAccess;
import dev.keyledger.infrastructure.boot.KeyledgerDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The command side as a service of its own: the admin write API and the aggregates, on a shared PostgreSQL
 * ({@code SPRING_DATASOURCE_URL}). Admin callers are checked by the token endpoint nodes named in
 * {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS}.
 */
@SpringBootApplication(scanBasePackages = "dev.keyledger.command")
@Import(RemoteAdminAccess.class)
public class CommandSideService {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideService.class);
        application.setDefaultProperties(KeyledgerDefaults.forService("keyledger-command-side"));
        application.run(args);
    }
}
