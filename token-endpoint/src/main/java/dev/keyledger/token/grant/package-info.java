/** Scope and audience resolution: what a token may allow, decided from the client's auth view entry. */
package dev.keyledger.token.grant;
