/**
 * What every side needs the same way at its HTTP edge, and nothing of any side: who may call which admin handler
 * ({@code access}) and which request paths are refused before routing ({@code web}). Depends on the kernel at most.
 */
package dev.keyledger.infrastructure;
