package dev.keyledger.infrastructure.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link HandlerPermissionInterceptor} in front of every handler of Spring MVC; imported by each side's
 * configuration. The {@link AdminAuthorizer} comes from the token endpoint in its JVM, or from the service's wiring.
 */
@Configuration(proxyBeanMethods = false)
public class AdminAccessConfiguration implements WebMvcConfigurer {

    private final AdminAuthorizer authorizer;
    private final ObjectMapper json;

    AdminAccessConfiguration(AdminAuthorizer authorizer, ObjectMapper json) {
        this.authorizer = authorizer;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerPermissionInterceptor(authorizer, json));
    }
}
