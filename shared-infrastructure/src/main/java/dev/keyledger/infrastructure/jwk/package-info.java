/**
 * Clients' public JWKs (RFC 7517/7518/8037): read and checked once, the same way where a key is registered (command
 * side) and where an assertion is verified with it (token endpoint). Only public keys of the algorithms Keyledger
 * accepts for {@code private_key_jwt} pass.
 */
package dev.keyledger.infrastructure.jwk;
