package dev.keyledger.infrastructure.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The admin permission (API.md §2, {@code AdminPermissions}) a handler needs. Checked against the handler Spring MVC
 * routed the request to, so no spelling of a path can reach the handler without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {

    String value();
}
