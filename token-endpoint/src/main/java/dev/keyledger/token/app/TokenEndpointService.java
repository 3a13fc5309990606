package dev.keyledger.token.app;

import dev.keyledger.infrastructure.boot.KeyledgerDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The token endpoint as a service of its own: the OAuth endpoints, the JWKS and metadata, and the admin access
 * check for the other sides' nodes, on a shared PostgreSQL ({@code SPRING_DATASOURCE_URL}).
 */
@SpringBootApplication(scanBasePackages = "dev.keyledger.token")
public class TokenEndpointService {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TokenEndpointService.class);
        application.setDefaultProperties(KeyledgerDefaults.forService("keyledger-token-endpoint"));
        application.run(args);
    }
}
