/**
 * The offline verifier of audit evidence: reads an evidence file (GET /api/v1/audit/evidence), the audit public keys
 * and, optionally, checkpoints published outside the database, and names the first fault. Needs no access to
 * Keyledger; the algorithm is docs/AUDIT-EVIDENCE.md's, also implemented by scripts/verify-audit-evidence.py.
 * No Spring here: a small jar that an auditor runs, and that the CLI can call.
 */
package dev.keyledger.auditverifier;
