/**
 * Idempotent registration (API.md: {@code Idempotency-Key}). Stored answers hold a new client's secret, so they are
 * sealed with AES-GCM under the key-encryption key and purged after 24 hours.
 */
package dev.keyledger.command.idempotency;
