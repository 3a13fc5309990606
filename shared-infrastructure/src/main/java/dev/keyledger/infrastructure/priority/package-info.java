/**
 * Running background work (admin writes, the query side's processors) below the token endpoint's priority, where the
 * operating system lets a thread lower its own.
 */
package dev.keyledger.infrastructure.priority;
