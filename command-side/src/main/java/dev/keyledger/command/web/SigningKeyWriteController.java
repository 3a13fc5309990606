package dev.keyledger.command.web;

import dev.keyledger.command.dispatch.AuditContext;
import dev.keyledger.command.signingkey.KeyRecord;
import dev.keyledger.command.signingkey.SigningKeyLifecycle;
import dev.keyledger.infrastructure.access.RequiresPermission;
import dev.keyledger.kernel.audit.AdminPermissions;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The signing-key writes of the admin API (API.md §2 "Signing keys"). */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyWriteController {

    private final SigningKeyLifecycle lifecycle;
    SigningKeyWriteController(SigningKeyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Publishes a new key now; it signs after the activation delay, when the current key retires. 202: the rotation
     * completes later, on its own.
     */
    @ApiResponse(responseCode = "202", description = "a new key is published; it signs from activatesAt on",
            useReturnTypeSchema = true)
    @PostMapping("/rotate")
    @RequiresPermission(AdminPermissions.KEYS_WRITE)
    ResponseEntity<RotatedKey> rotate(EmptyBody body, AuditContext audit) {
        KeyRecord key = lifecycle.rotate(audit);
        return ResponseEntity.accepted().location(URI.create("/api/v1/signing-keys")).body(RotatedKey.of(key));
    }
}
