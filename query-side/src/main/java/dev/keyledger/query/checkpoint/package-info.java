/**
 * Signed checkpoints of the audit chain (API.md §2 "Audit"): made on a schedule and on demand by one node at a time,
 * signed with the active audit key, chained to each other, and copied where a database writer cannot reach them (a
 * folder per node, the Kafka topic), so that history rewritten after a checkpoint was published is found by
 * comparing with the copies alone.
 */
package dev.keyledger.query.checkpoint;
