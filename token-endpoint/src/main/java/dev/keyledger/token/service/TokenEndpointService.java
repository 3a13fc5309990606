package dev.keyledger.token.service;

import dev.keyledger.kernel.KeyledgerDefaults;
import dev.keyledger.kernel.web.ForwardedAddressFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.EnumSet;

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

    /** First of all filters: everything after it reads the request's address from {@code getRemoteAddr()}. */
    @Bean
    FilterRegistrationBean<ForwardedAddressFilter> forwardedAddresses(
            @Value("${keyledger.trusted-proxies:}") String trustedProxies,
            @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy) {
        FilterRegistrationBean<ForwardedAddressFilter> registration = new FilterRegistrationBean<>(
                ForwardedAddressFilter.forSettings(trustedProxies, forwardHeadersStrategy));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }
}
