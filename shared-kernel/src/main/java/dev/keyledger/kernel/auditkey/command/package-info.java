/** Commands of the audit-key aggregate. */
package dev.keyledger.kernel.auditkey.command;
