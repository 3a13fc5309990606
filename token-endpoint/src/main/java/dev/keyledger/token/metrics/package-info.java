/**
 * The token endpoint's Prometheus metrics (management port, {@code /actuator/prometheus}): every meter is built once,
 * so that recording on the token path is an increment, never a lookup; no label holds a client id, secret id, token
 * or address.
 */
package dev.keyledger.token.metrics;
