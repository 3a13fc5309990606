/** Throttling of secret guessing at the token endpoint: counters in memory bounded by their heap, per node. */
package dev.keyledger.token.throttle;
