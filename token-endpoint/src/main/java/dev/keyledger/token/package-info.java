/**
 * The OAuth 2.0 token endpoint: client authentication against the client auth view, JWT signing, JWKS. It never
 * writes to the event store on its hot path.
 */
package dev.keyledger.token;
