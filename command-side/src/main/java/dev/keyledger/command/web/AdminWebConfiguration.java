package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
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

    /** The shared arguments are resolved here, not sent by a caller: the OpenAPI document must not list them. */
    @Bean
    OperationCustomizer writeDocumentation() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class, EmptyBody.class, AuditContext.class,
                ClientId.class, SecretId.class, ClientKeyId.class, FederatedCredentialId.class,
                RoleName.class);
        return new WriteDocumentation();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PathIdArguments());
        resolvers.add(new IfMatchArguments());
        resolvers.add(new EmptyBodyArguments());
        resolvers.add(new AuditContextArguments(adminRequests));
    }
}
