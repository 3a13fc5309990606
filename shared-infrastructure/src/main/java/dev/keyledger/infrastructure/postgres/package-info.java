/**
 * The PostgreSQL every side shares: running a side's migrations (each location with its own history table; the event
 * store's tables, {@code db/eventstore}, ship in this module because every side that reads or appends events migrates
 * them), telling an unreachable database from other failures, and the notification channels through which the sides
 * signal each other (the event store announces appends, the auth view announces changes). Only the listening lives
 * here; each channel's trigger is in the migrations of the owner of the table.
 */
package dev.keyledger.infrastructure.postgres;
