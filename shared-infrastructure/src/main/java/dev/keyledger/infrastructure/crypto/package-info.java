/**
 * Encryption at rest under the key-encryption key. The sealed format (AES-256-GCM: 96-bit nonce, ciphertext, 128-bit
 * tag; associated data naming where the value is stored) is a contract between the side that seals (the command
 * side) and the sides that open (the token endpoint), so it lives here, once. No message carries a sealed value (a
 * private signing key stays outside every event), so none of this is published language. Nothing here logs.
 */
package dev.keyledger.infrastructure.crypto;
