/**
 * Signing keys as the token endpoint uses them: an in-memory view of the command side's key material (read, never
 * written), refreshed by polling, so that issuing a token never touches the database; and the JWKS built from it.
 * Private keys live here only in memory, decrypted; they never reach a log line, an answer or the JWKS.
 */
package dev.keyledger.token.jose;
