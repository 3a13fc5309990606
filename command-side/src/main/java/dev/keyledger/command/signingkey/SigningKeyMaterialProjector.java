package dev.keyledger.command.signingkey;

import dev.keyledger.command.lookup.CommandLookupProjector;
import dev.keyledger.kernel.signingkey.event.SigningKeyActivated;
import dev.keyledger.kernel.signingkey.event.SigningKeyPublished;
import dev.keyledger.kernel.signingkey.event.SigningKeyRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the status columns of the key material table in step with the keys' events. It belongs to the subscribing
 * command-lookups processor, so it runs in the transaction that appends the event: the table never disagrees with
 * the store, and the lifecycle lock's holder always reads the truth. Times are the events' own timestamps, so the
 * signing-key list shows the same instants as the audit trail. Every statement is idempotent.
 */
@Component
@ProcessingGroup(CommandLookupProjector.PROCESSING_GROUP)
class SigningKeyMaterialProjector {

    private final JdbcClient jdbc;

    SigningKeyMaterialProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SigningKeyPublished event, @Timestamp Instant at) {
        jdbc.sql("UPDATE command_signing_key_material SET created_at = ? WHERE kid = ?")
                .params(java.sql.Timestamp.from(at), event.kid())
                .update();
    }

    @EventHandler
    void on(SigningKeyActivated event, @Timestamp Instant at) {
        jdbc.sql("UPDATE command_signing_key_material SET status = 'ACTIVE', activated_at = ? WHERE kid = ?")
                .params(java.sql.Timestamp.from(at), event.kid())
                .update();
    }

    @EventHandler
    void on(SigningKeyRetired event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE command_signing_key_material SET status = 'RETIRED', retired_at = ?, verify_until = ?
                         WHERE kid = ?""")
                .params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(event.verifyUntil()), event.kid())
                .update();
    }
}
