/**
 * Unguessable random strings, the one source that generated ids, secrets, key ids and token ids are drawn from.
 */
package dev.keyledger.kernel.random;
