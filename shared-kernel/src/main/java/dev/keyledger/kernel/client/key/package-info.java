/**
 * The public keys a client authenticates with by {@code private_key_jwt} (RFC 7523): only public material, as the
 * client registered it, never a private member. Keyledger never holds a client's private key.
 */
package dev.keyledger.kernel.client.key;
