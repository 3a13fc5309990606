package dev.keyledger.query.replay;

import java.util.List;

/**
 * A projection's processor as this node sees it.
 *
 * @param claimedSegments the segments this node processes now (others may run on other nodes)
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, List<SegmentStatus> claimedSegments) {

    /** One segment on this node: the global position it has reached, and whether it is replaying or caught up. */
    public record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp) {
    }
}
