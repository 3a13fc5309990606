package dev.keyledger.kernel.auditkey.event;

import org.axonframework.serialization.Revision;

/** The key signs every new checkpoint from the moment of this event. */
@Revision("1")
public record AuditKeyActivated(String kid) implements AuditKeyEvent {
}
