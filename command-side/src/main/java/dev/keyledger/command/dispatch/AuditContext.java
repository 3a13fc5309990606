package dev.keyledger.command.dispatch;

import dev.keyledger.kernel.audit.AuditMetadata;
import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.UUID;

/** Who caused a change, under which correlation id, from which address: the metadata of its events. */
public record AuditContext(String actor, String correlationId, String sourceAddress) {

    /** Where changes that the service makes on its own come from: no caller, no remote address. */
    public static final String INTERNAL_SOURCE = "internal";

    /** A change the service makes on its own (a scheduled key activation, the first signing key), with a new id. */
    public static AuditContext system() {
        return new AuditContext(AuditMetadata.SYSTEM_ACTOR, UUID.randomUUID().toString(), INTERNAL_SOURCE);
    }

    public MetaData metaData() {
        return MetaData.from(Map.of(
                AuditMetadata.ACTOR, actor,
                AuditMetadata.CORRELATION_ID, correlationId,
                AuditMetadata.SOURCE_ADDRESS, sourceAddress));
    }
}
