/** Throttling of secret guessing at the token endpoint: counters in memory, per node. */
package dev.keyledger.token.throttle;
