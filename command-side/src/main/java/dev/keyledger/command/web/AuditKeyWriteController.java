package dev.keyledger.command.web;

import dev.keyledger.command.auditkey.AuditKeyLifecycle;
import dev.keyledger.command.auditkey.AuditKeyRecord;
import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The audit-key write: a rotation of the key that signs the audit chain's checkpoints. */
@RestController
@RequestMapping("/api/v1/audit/keys")
class AuditKeyWriteController {

    private final AuditKeyLifecycle lifecycle;

    AuditKeyWriteController(AuditKeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * A new key signs the next checkpoints from now on; the old one is retired and stays in the audit key set, so
     * the checkpoints it signed still verify. Same permission as a token-signing key's rotation: both change who
     * may vouch for what Keyledger says.
     */
    @PostMapping("/rotate")
    @RequiresPermission(AdminPermissions.KEYS_WRITE)
    ResponseEntity<AuditKeyRecord> rotate(EmptyBody body, AuditContext audit) {
        AuditKeyRecord key = lifecycle.rotate(audit);
        return ResponseEntity.created(URI.create("/.well-known/keyledger-audit-keys.json")).body(key);
    }
}
