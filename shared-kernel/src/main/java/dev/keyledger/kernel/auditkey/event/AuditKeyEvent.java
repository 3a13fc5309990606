package dev.keyledger.kernel.auditkey.event;

/**
 * Every event of the audit-key aggregate names its key. The family is closed: the aggregate must source itself from
 * every member, and a test checks that it does.
 */
public sealed interface AuditKeyEvent permits AuditKeyPublished, AuditKeyActivated, AuditKeyRetired {

    String kid();
}
