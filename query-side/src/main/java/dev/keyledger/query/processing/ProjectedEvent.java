package dev.keyledger.query.processing;

import java.time.Instant;

/**
 * An event as a projector is given it outside Axon's handler chain (by a rebuild): with its sequence number in its
 * stream, its time stamp, and whether it is live, the opposite of what Axon's {@code ReplayStatus} would say.
 */
public record ProjectedEvent<E>(E event, long sequence, Instant at, boolean live) {
}
