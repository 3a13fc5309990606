/**
 * The published language of signing keys: their stream ids, algorithms, commands and events. Only public keys are
 * named here; a private key never enters a command, an event or this package.
 */
package dev.keyledger.kernel.signingkey;
