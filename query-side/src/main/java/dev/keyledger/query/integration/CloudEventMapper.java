package dev.keyledger.query.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.audit.AuditEntry;
import dev.keyledger.query.checkpoint.AuditCheckpoint;

import java.util.Map;
import java.util.Optional;

/**
 * Audit entry → CloudEvent. The envelope is derived from the entry alone, so the audit trail and the topic can
 * never disagree about an event's id, type, subject, time or payload.
 */
public final class CloudEventMapper {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String CHECKPOINT_TYPE = "dev.keyledger.audit.checkpoint.v1";
    static final String CHECKPOINT_SOURCE = "/keyledger/audit";
    static final String CHECKPOINT_SUBJECT = "audit-checkpoints";

    private static final Map<String, String> SOURCES = Map.of(
            "client", "/keyledger/clients",
            "role", "/keyledger/roles",
            "signing-key", "/keyledger/signing-keys",
            "audit-key", "/keyledger/audit-keys");

    // Its own mapper, not the web layer's: the wire format must not change with the service's Jackson settings.
    private static final ObjectWriter JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build()
            .writerFor(CloudEvent.class);

    private CloudEventMapper() {
    }

    /** The event, or empty for a type without a wire name (one newer than this code: it has no schema yet). */
    public static Optional<CloudEvent> of(AuditEntry entry) {
        String source = SOURCES.get(entry.aggregateType());
        if (source == null || AuditEntries.UNKNOWN_TYPE.equals(entry.type())) {
            return Optional.empty();
        }
        return Optional.of(new CloudEvent("1.0", entry.eventId(), source, "dev.keyledger." + entry.type() + ".v1",
                entry.aggregateId(), entry.occurredAt().toString(), "application/json", entry.payload()));
    }

    /**
     * A checkpoint of the audit chain: its id is the checkpoint's hash, the same on every delivery yet different for
     * a checkpoint forged at the same position later; every checkpoint has one subject, hence one key and partition.
     */
    public static CloudEvent of(AuditCheckpoint checkpoint) {
        return new CloudEvent("1.0", checkpoint.hash(), CHECKPOINT_SOURCE, CHECKPOINT_TYPE, CHECKPOINT_SUBJECT,
                checkpoint.createdAt(), "application/json", checkpoint.members(true));
    }

    public static byte[] json(CloudEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            // Payloads hold strings, numbers, instants, lists and maps only: this is a bug, not bad data.
            throw new IllegalStateException("cannot write event " + event.id() + " as JSON", e);
        }
    }
}
