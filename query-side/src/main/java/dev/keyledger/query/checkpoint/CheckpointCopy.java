package dev.keyledger.query.checkpoint;

/**
 * A copy of the checkpoints outside the database. Each copy remembers how far it got and catches up in order, so
 * one missed while its target was away is made later; a copy never changes what it already holds.
 */
public interface CheckpointCopy {

    /** Copies every checkpoint of the ledger that this copy lacks, oldest first; throws when the target fails. */
    void catchUp(CheckpointLedger ledger);
}
