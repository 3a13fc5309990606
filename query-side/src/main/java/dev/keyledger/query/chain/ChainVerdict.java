package dev.keyledger.query.chain;

/**
 * The answer of {@code GET /api/v1/audit/verify}.
 *
 * @param intact              whether every linked event matches its link; says nothing of unlinked events
 * @param checkedEvents       how many links were recomputed and compared
 * @param headHash            the last stored link, hex: what a compliance team records to compare later
 * @param firstBrokenPosition the global position of the first event that no longer matches its link, is missing
 *                            although linked, or is present inside the chain although never linked
 * @param unlinkedEvents      events newer than the chain's head: not judged, and so never counted as intact
 */
public record ChainVerdict(boolean intact, long checkedEvents, String headHash, Long firstBrokenPosition,
                           long unlinkedEvents) {
}
