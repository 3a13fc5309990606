/**
 * Audit keys with a lifecycle (PUBLISHED → ACTIVE → RETIRED), which sign the audit chain's checkpoints and never a
 * token: the aggregate, the sealed key material table and the service that publishes, activates and retires them.
 * Private keys exist in plaintext only in memory, between generation and sealing.
 */
package dev.keyledger.command.auditkey;
