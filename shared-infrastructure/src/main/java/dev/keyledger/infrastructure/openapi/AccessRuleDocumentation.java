package dev.keyledger.infrastructure.openapi;

import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.access.RequiresPermission;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;

/**
 * Documents each operation's access rule from the handler's own annotation, the one the access check enforces
 * (docs/DECISIONS.md 48): the permission as {@value #PERMISSION} and as the bearer requirement's role (OpenAPI 3.1
 * allows roles for non-OAuth schemes), with the refusals every checked handler can answer.
 */
final class AccessRuleDocumentation implements OperationCustomizer {

    static final String PERMISSION = "x-keyledger-permission";
    static final String PUBLIC = "x-keyledger-public";
    static final String BEARER = "bearer";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequiresPermission required = handler.getMethodAnnotation(RequiresPermission.class);
        if (required != null) {
            operation.addExtension(PERMISSION, required.value());
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER, required.value())));
            ApiDocumentation.problem(operation, 400, "the request is malformed: a parameter, header or body field "
                    + "is invalid (errors names each field)");
            ApiDocumentation.problem(operation, 401, "no valid access token");
            ApiDocumentation.problem(operation, 403, "the token or the caller lacks " + required.value());
            ApiDocumentation.problem(operation, 503, isWrite(handler)
                    ? "the database is unreachable, or too many admin writes are in progress (admin-busy); "
                            + "try again after Retry-After"
                    : "the database is unreachable; try again shortly");
            return operation;
        }
        PublicEndpoint open = handler.getMethodAnnotation(PublicEndpoint.class);
        if (open != null) {
            operation.addExtension(PUBLIC, open.value());
            operation.setSecurity(List.of());
        }
        return operation;
    }

    /** Writes queue in the admin lane (docs/DECISIONS.md 110), which refuses them with 503 when it is full. */
    private static boolean isWrite(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method())
                .anyMatch(method -> method != RequestMethod.GET && method != RequestMethod.HEAD
                        && method != RequestMethod.OPTIONS);
    }
}
