/**
 * Encryption at rest under the key-encryption key, shared by every command-side store that holds secret material.
 * Nothing here logs or returns plaintext except to its caller.
 */
package dev.keyledger.command.crypto;
