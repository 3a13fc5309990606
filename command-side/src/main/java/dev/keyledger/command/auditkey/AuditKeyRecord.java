package dev.keyledger.command.auditkey;

import java.time.Instant;

/** An audit key as its material table describes it, without any key bytes. */
public record AuditKeyRecord(String kid, String algorithm, String status, Instant createdAt, Instant activatedAt,
                             Instant retiredAt) {
}
