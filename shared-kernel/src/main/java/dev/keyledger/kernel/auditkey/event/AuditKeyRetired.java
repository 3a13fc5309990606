package dev.keyledger.kernel.auditkey.event;

import org.axonframework.serialization.Revision;

/** The key signs no more checkpoints; it stays in the audit key set forever, so the ones it signed still verify. */
@Revision("1")
public record AuditKeyRetired(String kid) implements AuditKeyEvent {
}
