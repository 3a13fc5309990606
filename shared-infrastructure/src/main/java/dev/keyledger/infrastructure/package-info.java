/**
 * What every side needs the same way, and nothing of any side: who may call which admin handler ({@code access}), the
 * HTTP edge before routing ({@code web}), the admin API's common answers ({@code api}), PostgreSQL ({@code postgres}),
 * encryption at rest ({@code crypto}), the services' default settings ({@code boot}) and how their background threads
 * are made ({@code thread}). Depends on the kernel at most.
 */
package dev.keyledger.infrastructure;
