/**
 * How far this query-side node is behind the event store (its processors' segments, the Kafka publisher, the hash
 * chain), for the management port's health details and metrics. Lag is reported, never a reason to be unready.
 */
package dev.keyledger.query.monitoring;
