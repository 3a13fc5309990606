/**
 * Admin access bound to the handler Spring MVC actually chose: each handler declares the permission it needs
 * ({@link dev.keyledger.infrastructure.access.RequiresPermission}) or that it is public
 * ({@link dev.keyledger.infrastructure.access.PublicEndpoint}); a handler declaring neither is refused. Who the caller
 * is and what it holds is decided by an {@link dev.keyledger.infrastructure.access.AdminAuthorizer}: the token
 * endpoint's own in its JVM, a signed remote check everywhere else. Never by matching the request's URI.
 */
package dev.keyledger.infrastructure.access;
