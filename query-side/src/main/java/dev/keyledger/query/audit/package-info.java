/**
 * The audit trail: entries built from the event store with stable wire names and explicitly mapped payloads that
 * never hold a secret or a hash; per-aggregate histories and the global feed.
 */
package dev.keyledger.query.audit;
