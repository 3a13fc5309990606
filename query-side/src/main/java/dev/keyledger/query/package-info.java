/**
 * The query side: projections into the read model, the admin read API, the audit trail and the Kafka publisher.
 * It meets the other sides only through the event store; nothing here writes events.
 */
package dev.keyledger.query;
