/**
 * A client's state and the one fold that computes it from the client's events: the aggregate's event-sourcing
 * handlers, the query side's projection and its {@code ?asOf=} reads all use it, so the transitions (promotion swaps
 * the slots, rotation demotes the primary, ...) exist once. Pure: no framework, no database, no clock. The state
 * holds secret hashes: it is rendered as a {@code ClientView} before it leaves a service.
 */
package dev.keyledger.kernel.client.state;
