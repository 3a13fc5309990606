/**
 * Signing keys with a lifecycle (PUBLISHED → ACTIVE → RETIRED): the aggregate, key generation, the sealed key
 * material table and the services that publish, activate and retire keys. Private keys exist in plaintext only in
 * memory, between generation and sealing; they never enter a command, an event, a log line or an answer.
 */
package dev.keyledger.command.signingkey;
