package dev.keyledger.query.service;

import dev.keyledger.kernel.KeyledgerDefaults;
import dev.keyledger.kernel.access.RemoteAdminAccessFilter;
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
 * The query side as a service of its own: the projections, the admin read API, the audit trail and the Kafka
 * publisher, on a shared PostgreSQL ({@code SPRING_DATASOURCE_URL}). Admin callers are checked by the token endpoint nodes named in
 * {@code KEYLEDGER_ADMIN_ACCESS_TOKEN_ENDPOINTS}.
 */
@SpringBootApplication(scanBasePackages = "dev.keyledger.query")
public class QuerySideService {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideService.class);
        application.setDefaultProperties(KeyledgerDefaults.forService("keyledger-query-side"));
        application.run(args);
    }

    @Bean
    FilterRegistrationBean<RemoteAdminAccessFilter> remoteAdminAccess(
            @Value("${keyledger.admin-access.token-endpoints}") String tokenEndpoints) {
        FilterRegistrationBean<RemoteAdminAccessFilter> registration =
                new FilterRegistrationBean<>(RemoteAdminAccessFilter.forEndpoints(tokenEndpoints));
        registration.addUrlPatterns("/api/*");
        return registration;
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
