package dev.keyledger.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail (API.md §2 "Audit").
 *
 * @param aggregateType {@code client}, {@code role}, {@code signing-key} or {@code audit-key}
 * @param aggregateId   the client id, or the bare role name
 * @param type          the stable wire name, such as {@code client.registered}
 * @param occurredAt    the event's time stamp, at the precision stored
 * @param actor         the admin caller's client id, or {@code system}
 */
public record AuditEntry(
        String eventId,
        long globalPosition,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        Instant occurredAt,
        String actor,
        String correlationId,
        Map<String, Object> payload) {
}
