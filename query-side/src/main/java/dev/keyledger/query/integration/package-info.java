/**
 * Credential events for downstream systems (API.md §3): every stored event, mapped to a CloudEvent from its audit
 * entry (never from the domain event itself, so no secret or hash can leave), published to Kafka at least once and
 * in per-aggregate order by the {@code kafka-publisher} streaming processor, whose token is the outbox position;
 * and republishing of history for a new consumer. Nothing here is active unless
 * {@code spring.kafka.bootstrap-servers} is set.
 */
package dev.keyledger.query.integration;
