package dev.keyledger.infrastructure.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Documents the {@code ETag} of the successful answers of a handler marked {@link AnswersWithETag}. */
final class EntityTagDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(AnswersWithETag.class)) {
            ApiDocumentation.responseHeader(operation, "ETag", "\"<version>\" of the state in the answer");
        }
        return operation;
    }
}
