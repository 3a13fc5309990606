/** The token issuance log: every issued token and every failed or throttled attempt, written off the hot path. */
package dev.keyledger.token.issuance;
