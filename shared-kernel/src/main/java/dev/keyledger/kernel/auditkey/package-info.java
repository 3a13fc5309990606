/**
 * The published language of audit keys, which sign the audit chain's checkpoints and nothing else: their stream ids,
 * commands and events. Only public keys are named here; a private key never enters a command, an event or this
 * package.
 */
package dev.keyledger.kernel.auditkey;
