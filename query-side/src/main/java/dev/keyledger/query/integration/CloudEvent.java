package dev.keyledger.query.integration;

import java.util.Map;

/**
 * One integration event: CloudEvents 1.0 in structured JSON mode (API.md §3), fields in the order they are written.
 *
 * @param id      the audit {@code eventId}, the same on every delivery, so consumers dedupe on it
 * @param subject the bare aggregate id (client id, role name, key id), also the Kafka record key
 * @param time    the audit {@code occurredAt}, at the precision stored
 * @param data    the audit payload, exactly
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, String time,
                         String datacontenttype, Map<String, Object> data) {
}
