package dev.keyledger.infrastructure.openapi;

import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.access.RequiresPermission;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

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
            ApiDocumentation.problem(operation, 503, "the database is unreachable; try again shortly");
            return operation;
        }
        PublicEndpoint open = handler.getMethodAnnotation(PublicEndpoint.class);
        if (open != null) {
            operation.addExtension(PUBLIC, open.value());
            operation.setSecurity(List.of());
        }
        return operation;
    }
}
