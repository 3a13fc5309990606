package dev.keyledger.command.auditkey;

import dev.keyledger.command.lookup.CommandLookupProjector;
import dev.keyledger.kernel.auditkey.event.AuditKeyActivated;
import dev.keyledger.kernel.auditkey.event.AuditKeyPublished;
import dev.keyledger.kernel.auditkey.event.AuditKeyRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the status columns of the audit key table in step with the keys' events, in the transaction that appends
 * them (the subscribing command-lookups processor), as for signing keys. Every statement is idempotent.
 */
@Component
@ProcessingGroup(CommandLookupProjector.PROCESSING_GROUP)
class AuditKeyMaterialProjector {

    private final JdbcClient jdbc;

    AuditKeyMaterialProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AuditKeyPublished event, @Timestamp Instant at) {
        jdbc.sql("UPDATE command_audit_key_material SET created_at = ? WHERE kid = ?")
                .params(java.sql.Timestamp.from(at), event.kid())
                .update();
    }

    @EventHandler
    void on(AuditKeyActivated event, @Timestamp Instant at) {
        jdbc.sql("UPDATE command_audit_key_material SET status = 'ACTIVE', activated_at = ? WHERE kid = ?")
                .params(java.sql.Timestamp.from(at), event.kid())
                .update();
    }

    @EventHandler
    void on(AuditKeyRetired event, @Timestamp Instant at) {
        jdbc.sql("UPDATE command_audit_key_material SET status = 'RETIRED', retired_at = ? WHERE kid = ?")
                .params(java.sql.Timestamp.from(at), event.kid())
                .update();
    }
}
