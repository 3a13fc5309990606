package dev.keyledger.token.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.token.authentication.ClientAuthCache;
import dev.keyledger.token.token.AccessTokenVerifier;
import dev.keyledger.token.token.Revocations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link AdminAccessFilter} in front of every {@code /api/*} request served in this JVM. */
@Configuration(proxyBeanMethods = false)
class AdminAccess {

    @Bean
    AdminAccessPolicy adminAccessPolicy(AccessTokenVerifier verifier, Revocations revocations,
                                        ClientAuthCache clients) {
        return new AdminAccessPolicy(verifier, revocations, clients);
    }

    @Bean
    FilterRegistrationBean<AdminAccessFilter> adminAccessFilter(AdminAccessPolicy policy, ObjectMapper json) {
        FilterRegistrationBean<AdminAccessFilter> registration =
                new FilterRegistrationBean<>(new AdminAccessFilter(policy, json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
