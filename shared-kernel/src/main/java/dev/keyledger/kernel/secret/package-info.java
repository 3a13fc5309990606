/**
 * Client secrets as the system keeps them: the SHA-256 hash, the hashed secret with its hint and expiry, and the slot
 * a secret occupies. Nothing here holds a plaintext secret beyond the moment it is hashed, and no value here prints
 * its hash.
 */
package dev.keyledger.kernel.secret;
