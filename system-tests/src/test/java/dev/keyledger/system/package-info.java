/**
 * The distributed topology tested from outside, as users, machines and downstream consumers see it: through the
 * proxy, on the topic, with faults injected by scripts/topology. Nothing here reaches into a service's code.
 */
package dev.keyledger.system;
