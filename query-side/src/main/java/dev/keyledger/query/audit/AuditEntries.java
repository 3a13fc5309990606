package dev.keyledger.query.audit;

import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.audit.WireNames;
import dev.keyledger.kernel.auditkey.AuditKeyStream;
import dev.keyledger.kernel.role.RoleStream;
import dev.keyledger.kernel.signingkey.SigningKeyStream;
import dev.keyledger.query.eventstore.StoredEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns stored events into audit entries: wire names, bare role names, metadata, mapped payloads. The one mapping
 * from an event to what leaves the service: the audit API and the Kafka publisher both build on it.
 */
public final class AuditEntries {

    /** The wire type of an event that has no wire name (a type newer than this code). */
    public static final String UNKNOWN_TYPE = "unknown";
    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");
    /** The few stored aggregate types, each converted once: a regular expression per event was an export's cost. */
    private static final Map<String, String> AGGREGATE_TYPES = new ConcurrentHashMap<>();
    private static final List<String> STREAM_PREFIXES =
            List.of(RoleStream.PREFIX, SigningKeyStream.PREFIX, AuditKeyStream.PREFIX);

    private AuditEntries() {
    }

    public static AuditEntry of(StoredEvent stored) {
        return of(stored.message(), stored.globalPosition());
    }

    /** The entry of an event as a streaming processor hands it over, with the position of its tracking token. */
    public static AuditEntry of(DomainEventMessage<?> message, long globalPosition) {
        return of(message, globalPosition, text(message.getMetaData(), AuditMetadata.ACTOR),
                text(message.getMetaData(), AuditMetadata.CORRELATION_ID));
    }

    /**
     * The entry without its actor and correlation id (both null), which live in the event's metadata: for the live
     * publisher, whose CloudEvents carry neither, so that the event's stored metadata is never deserialized
     * (a republish maps stored rows the same way: {@link StoredAuditEntries#withoutMetadata}).
     */
    public static AuditEntry withoutMetadata(DomainEventMessage<?> message, long globalPosition) {
        return of(message, globalPosition, null, null);
    }

    private static AuditEntry of(DomainEventMessage<?> message, long globalPosition, String actor,
                                 String correlationId) {
        Object payload = message.getPayload();
        return new AuditEntry(
                message.getIdentifier(),
                globalPosition,
                aggregateType(message.getType()),
                bareId(message.getAggregateIdentifier()),
                message.getSequenceNumber(),
                WireNames.of(message.getPayloadType()).orElse(UNKNOWN_TYPE),
                message.getTimestamp(),
                actor,
                correlationId,
                payload == null ? Map.of() : AuditPayloads.of(payload).orElse(Map.of()));
    }

    /** {@code Client} → {@code client}, {@code SigningKey} → {@code signing-key}; a handful of types, each once. */
    static String aggregateType(String storedType) {
        if (storedType == null) {
            return null;
        }
        return AGGREGATE_TYPES.computeIfAbsent(storedType,
                type -> WORD_START.matcher(type).replaceAll("$1-$2").toLowerCase(Locale.ROOT));
    }

    /** The stream id without its type prefix: a role's name, a signing or audit key's kid; client ids have none. */
    static String bareId(String aggregateId) {
        for (String prefix : STREAM_PREFIXES) {
            if (aggregateId.startsWith(prefix)) {
                return aggregateId.substring(prefix.length());
            }
        }
        return aggregateId;
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : Objects.toString(value);
    }
}
