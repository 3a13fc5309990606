package dev.keyledger.query.checkpoint;

/**
 * What a request for a checkpoint did.
 *
 * @param checkpoint the newest checkpoint, or null while no event has been linked yet
 * @param created    whether it was made by this request (false: nothing had been linked since the last one)
 */
public record Checkpointed(AuditCheckpoint checkpoint, boolean created) {
}
