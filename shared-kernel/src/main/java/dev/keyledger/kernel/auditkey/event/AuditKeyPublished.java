package dev.keyledger.kernel.auditkey.event;

import dev.keyledger.kernel.signingkey.SigningAlgorithm;
import org.axonframework.serialization.Revision;

/**
 * A new audit key was published: checkpoints it signs verify from now on. {@code publicKey} is the X.509
 * SubjectPublicKeyInfo in base64 — public, so the audit trail itself (and the topic) records which key may sign
 * checkpoints, outside the key set that the service serves.
 */
@Revision("1")
public record AuditKeyPublished(String kid, SigningAlgorithm algorithm, String publicKey) implements AuditKeyEvent {
}
