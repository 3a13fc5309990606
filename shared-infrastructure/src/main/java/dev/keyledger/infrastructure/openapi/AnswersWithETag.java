package dev.keyledger.infrastructure.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler's successful answers carry {@code ETag: "<version>"} of the state they hold (API.md §2), which a later
 * write may send back as {@code If-Match}. Read by {@link EntityTagDocumentation} only; the standalone OpenAPI test
 * checks it against the answers actually sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnswersWithETag {
}
