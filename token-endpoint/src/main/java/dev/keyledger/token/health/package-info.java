/**
 * The token endpoint's part of readiness (management port, {@code /actuator/health/readiness}): a node serves tokens
 * only with a fresh client auth view and an active signing key.
 */
package dev.keyledger.token.health;
