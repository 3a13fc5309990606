/**
 * Web plumbing every service shares: which address a request comes from. Behind a proxy that address is in
 * {@code X-Forwarded-For}, which is believed only when the connection comes from a configured proxy
 * ({@code KEYLEDGER_TRUSTED_PROXIES}, DECISIONS.md 57); everything that records or throttles by address reads
 * {@code getRemoteAddr()} of the request this filter hands on, never the header. Nothing here resolves a name.
 */
package dev.keyledger.kernel.web;
