/**
 * The admin API as far as the token endpoint serves it: its protection by Keyledger's own access tokens (who may
 * call which endpoint) and the signing-key listing.
 */
package dev.keyledger.token.admin;
