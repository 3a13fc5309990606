/**
 * The service's own background threads: how they are made, named and marked. What runs on them, and when it stops,
 * belongs to their owners.
 */
package dev.keyledger.infrastructure.thread;
