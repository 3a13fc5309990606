/**
 * The audit chain's rule, as docs/AUDIT-EVIDENCE.md states it: how a link follows from the previous link, the stored
 * event's digest and its exported audit entry. Shared by the service that links and the offline verifier that
 * recomputes, so that both compute the same bytes. Plain Java only.
 */
package dev.keyledger.kernel.audit.chain;
