package dev.keyledger.infrastructure.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler anyone may call without an admin token (the JWKS, the metadata, the sides' internal check, which
 * authenticates its answers itself). Saying why is required, so that a reviewer sees the reason next to the handler.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {

    /** Why this handler needs no admin permission. */
    String value();
}
