package dev.keyledger.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The arguments every write handler shares (path ids, {@code If-Match}, an empty body, the audit context) are
 * resolved here, so that a handler reads as: parse the body, send the command, answer. They run after the admin
 * access check (an interceptor), in the order of the handler's parameters.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    private final AdminRequests adminRequests;

    AdminWebConfiguration(AdminRequests adminRequests) {
        this.adminRequests = adminRequests;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PathIdArguments());
        resolvers.add(new IfMatchArguments());
        resolvers.add(new EmptyBodyArguments());
        resolvers.add(new AuditContextArguments(adminRequests));
    }
}
