package dev.keyledger.command.web;

import dev.keyledger.infrastructure.api.PathIds;
import dev.keyledger.kernel.id.ClientId;
import dev.keyledger.kernel.id.ClientKeyId;
import dev.keyledger.kernel.id.FederatedCredentialId;
import dev.keyledger.kernel.id.RoleName;
import dev.keyledger.kernel.id.SecretId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.function.Function;

/**
 * A handler parameter typed {@link ClientId}, {@link SecretId}, {@link ClientKeyId},
 * {@link FederatedCredentialId} or {@link RoleName} is the path variable of the same
 * name, already an id; one that cannot exist is not found ({@link PathIds}). Parameters are resolved in their order,
 * which is therefore the order in which a request's faults are reported.
 */
final class PathIdArguments implements HandlerMethodArgumentResolver {

    private static final Map<Class<?>, Function<String, ?>> PARSERS = Map.of(
            ClientId.class, PathIds::client,
            SecretId.class, PathIds::secret,
            ClientKeyId.class, PathIds::key,
            FederatedCredentialId.class, PathIds::federatedCredential,
            RoleName.class, PathIds::role);

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PARSERS.containsKey(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String name = parameter.getParameterName();
        if (variables == null || !variables.containsKey(name)) {
            throw new IllegalStateException(parameter.getExecutable() + " has no path variable {" + name + "}");
        }
        return PARSERS.get(parameter.getParameterType()).apply(variables.get(name));
    }
}
