/**
 * The OAuth endpoints over HTTP (token, introspection, revocation on a servlet of their own; metadata). Every error
 * here is an OAuth error, never problem+json.
 */
package dev.keyledger.token.web;
