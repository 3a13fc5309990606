/** Events of the audit-key aggregate, each with a revision. None carries private key material. */
package dev.keyledger.kernel.auditkey.event;
