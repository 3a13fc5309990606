package dev.keyledger.token.authentication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The revision to poll from: the newest revision that had been seen {@code settle} ago. Anything below it was
 * committed long enough ago to have been read already.
 */
final class RevisionFloor {

    private record Sighting(long revision, Instant at) {
    }

    private final Duration settle;
    private final Deque<Sighting> sightings = new ArrayDeque<>();
    private long floor;
    private long newest;

    RevisionFloor(Duration settle) {
        this.settle = settle;
    }

    synchronized long at(Instant now) {
        while (!sightings.isEmpty() && !sightings.peekFirst().at().isAfter(now.minus(settle))) {
            floor = sightings.pollFirst().revision();
        }
        return floor;
    }

    synchronized long newestSeen() {
        return newest;
    }

    synchronized void seen(long revision, Instant now) {
        if (revision > newest) {
            newest = revision;
            sightings.addLast(new Sighting(revision, now));
        }
    }
}
