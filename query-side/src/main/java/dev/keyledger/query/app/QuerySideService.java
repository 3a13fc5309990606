package dev.keyledger.query.app;

import dev.keyledger.infrastructure.access.RemoteAdminAccess;
import dev.keyledger.infrastructure.boot.KeyledgerDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The query side as a service of its own: the projections, the admin read API, the audit trail and the Kafka
 * publisher, on a shared PostgreSQL ({@code SPRING_DATASOURCE_URL}). Admin callers are checked by the token endpoint nodes named in
 * {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS}.
 */
@SpringBootApplication(scanBasePackages = "dev.keyledger.query")
@Import(RemoteAdminAccess.class)
public class QuerySideService {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideService.class);
        application.setDefaultProperties(KeyledgerDefaults.forService("keyledger-query-side"));
        application.run(args);
    }
}
