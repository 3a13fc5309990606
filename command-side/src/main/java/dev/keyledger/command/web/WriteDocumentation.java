package dev.keyledger.command.web;

import dev.keyledger.infrastructure.openapi.ApiDocumentation;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * What the write handlers' signatures mean for the OpenAPI document: an {@link IfMatch} argument is the
 * {@code If-Match} header and its 412, and every write reads a JSON body (413, 415) and can conflict (409). The
 * shared arguments themselves are not parameters a caller sends ({@link AdminWebConfiguration}).
 */
final class WriteDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().equals(WriteDocumentation.class.getPackageName())) {
            return operation;
        }
        boolean conditional = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == IfMatch.class);
        if (conditional) {
            ApiDocumentation.requestHeader(operation, "If-Match",
                    "\"<version>\": apply the write only to that version of the resource");
            ApiDocumentation.problem(operation, 412, "the resource is no longer at the version of If-Match");
            ApiDocumentation.responseHeader(operation, 412, "ETag", "\"<version>\" the resource is at now");
        }
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "Idempotency-Key".equals(parameter.getName()));
        if (idempotent) {
            ApiDocumentation.problem(operation, 422, "the Idempotency-Key was used with another body");
        }
        ApiDocumentation.problem(operation, 409,
                "the write conflicts with the resource's state or a concurrent write");
        ApiDocumentation.problem(operation, 413, "the body exceeds 64 KiB");
        ApiDocumentation.problem(operation, 415, "the body is not application/json");
        return operation;
    }
}
