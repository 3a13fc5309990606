/** Reading the event store directly, with filters, in the events' current (upcast) shape. Never writing to it. */
package dev.keyledger.query.eventstore;
