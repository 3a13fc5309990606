/**
 * The HTTP edge every service shares, before anything routes a request: which address it comes from (behind a proxy
 * that address is in {@code X-Forwarded-For}, believed only from a configured proxy, {@code KEYLEDGER_TRUSTED_PROXIES},
 * docs/DECISIONS.md 56; everything that records or throttles by address reads {@code getRemoteAddr()} of the request
 * handed on, never the header, and nothing here resolves a name), non-canonical paths refused, and the container's
 * own refusals in the services' formats. Nothing here knows a route of any side.
 */
package dev.keyledger.infrastructure.web;
