package dev.keyledger.command.dispatch;

import dev.keyledger.kernel.audit.AuditMetadata;
import org.axonframework.messaging.MetaData;

import java.util.Map;

/** Who caused a change, under which correlation id, from which address: the metadata of its events. */
public record AuditContext(String actor, String correlationId, String sourceAddress) {

    public MetaData metaData() {
        return MetaData.from(Map.of(
                AuditMetadata.ACTOR, actor,
                AuditMetadata.CORRELATION_ID, correlationId,
                AuditMetadata.SOURCE_ADDRESS, sourceAddress));
    }
}
