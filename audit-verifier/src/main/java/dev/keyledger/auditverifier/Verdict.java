package dev.keyledger.auditverifier;

import java.util.List;

/**
 * The outcome of verifying one evidence file.
 *
 * @param faults       every fault found, the first one first
 * @param events       how many linked positions the file's chain covers
 * @param lastPosition the last linked position in the file (0 for none)
 * @param signedUpTo   the last position a valid checkpoint vouches for, or {@code null} if none does: positions after
 *                     it are chained but not signed
 */
public record Verdict(List<Fault> faults, long events, long lastPosition, Long signedUpTo) {

    public boolean intact() {
        return faults.isEmpty();
    }
}
