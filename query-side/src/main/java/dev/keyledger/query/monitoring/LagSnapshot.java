package dev.keyledger.query.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * One measurement of {@link EventLag}.
 *
 * @param processors     by processor name
 * @param unlinkedEvents events in the store after the hash chain's head
 * @param measuredAt     null before the first measurement succeeded
 */
public record LagSnapshot(Map<String, ProcessorLag> processors, long unlinkedEvents, Instant measuredAt) {

    static final LagSnapshot NONE = new LagSnapshot(Map.of(), 0, null);

    public ProcessorLag processor(String name) {
        return processors.getOrDefault(name, ProcessorLag.NONE);
    }
}
