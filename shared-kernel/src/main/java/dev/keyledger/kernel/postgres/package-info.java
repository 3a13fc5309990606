/**
 * PostgreSQL notification channels, the signals the sides give each other through the database they share (the
 * event store announces appends, the auth view announces changes). Only the listening lives here; each channel's
 * trigger is in the migrations of the side that owns the table.
 */
package dev.keyledger.kernel.postgres;
