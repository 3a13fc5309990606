package dev.keyledger.query.client;

import dev.keyledger.kernel.client.state.ClientState;

import java.time.Instant;

/**
 * A client's state after the events up to {@code sequence} of its stream.
 *
 * @param through the latest time stamp among those events: the state is the one of every instant from then on, up to
 *                the next event
 */
record ClientSnapshot(long sequence, Instant through, ClientState state) {
}
