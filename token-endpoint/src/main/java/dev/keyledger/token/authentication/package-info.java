/**
 * Client authentication against an in-memory replica of the query side's client auth view: constant-time, the same
 * work for unknown clients as for wrong secrets, no database on the request path.
 */
package dev.keyledger.token.authentication;
