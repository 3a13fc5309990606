package dev.keyledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEntry} onto a generator field by field, byte for byte as the service's {@link ObjectMapper}
 * writes it, without its per-value serializer look-ups (docs/DECISIONS.md 117). Values of a kind the payloads do not
 * hold go through that mapper.
 */
public final class AuditEntryJson {

    private final ObjectWriter fallback;

    /** {@code json}: the mapper whose output this one matches; its generators are the ones to write on. */
    public AuditEntryJson(ObjectMapper json) {
        this.fallback = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    public void write(AuditEntry entry, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("eventId", entry.eventId());
        out.writeNumberField("globalPosition", entry.globalPosition());
        out.writeStringField("aggregateType", entry.aggregateType());
        out.writeStringField("aggregateId", entry.aggregateId());
        out.writeNumberField("sequence", entry.sequence());
        out.writeStringField("type", entry.type());
        out.writeFieldName("occurredAt");
        value(entry.occurredAt(), out);
        out.writeStringField("actor", entry.actor());
        out.writeStringField("correlationId", entry.correlationId());
        out.writeFieldName("payload");
        value(entry.payload(), out);
        out.writeEndObject();
    }

    private void value(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Instant instant) {
            out.writeString(IsoInstants.print(instant));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                out.writeFieldName((String) field.getKey());
                value(field.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                value(element, out);
            }
            out.writeEndArray();
        } else {
            fallback.writeValue(out, value);
        }
    }
}
