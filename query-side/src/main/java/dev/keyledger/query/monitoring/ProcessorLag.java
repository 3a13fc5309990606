package dev.keyledger.query.monitoring;

/**
 * One streaming processor as this node sees it.
 *
 * @param claimedSegments the segments this node processes now (0: another node reports this processor's lag)
 * @param events          events in the store after the oldest position among this node's segments
 * @param seconds         the age of the oldest of those events (0 when there are none)
 */
public record ProcessorLag(int claimedSegments, long events, double seconds) {

    static final ProcessorLag NONE = new ProcessorLag(0, 0, 0);
}
