/**
 * What every service writes to its log about requests: the correlation id of each request (taken from a sane
 * {@code X-Correlation-Id}, else made; in the logging context of every line written while the request is served, and
 * returned to the caller), the optional access log of the public port, and {@code KEYLEDGER_LOG_FORMAT}, which turns
 * the console log into JSON lines. Nothing here ever logs a header, a query string or a body: secrets and tokens
 * travel in those.
 */
package dev.keyledger.infrastructure.logging;
