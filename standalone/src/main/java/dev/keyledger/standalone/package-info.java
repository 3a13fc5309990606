/**
 * Wiring only: the runnable application, the embedded PostgreSQL and the data folder. No domain logic lives here.
 */
package dev.keyledger.standalone;
