package dev.keyledger.auditverifier;

/**
 * One fault found in evidence.
 *
 * @param position the global position it concerns, or {@code null} for the file as a whole
 */
public record Fault(FaultKind kind, Long position, String detail) {

    /** The line both verifiers print: {@code FAULT <kind> at position <n>: <detail>}. */
    @Override
    public String toString() {
        return "FAULT " + kind.wireName() + (position == null ? "" : " at position " + position) + ": " + detail;
    }
}
