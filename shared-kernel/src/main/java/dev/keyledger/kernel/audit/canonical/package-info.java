/**
 * The one canonical JSON form (RFC 8785, JSON Canonicalization Scheme) that audit chain links and signed checkpoints
 * are computed over, so that anyone can recompute them from exported JSON. Plain Java: no JSON library, so that the
 * offline verifier can carry it without Keyledger's frameworks.
 */
package dev.keyledger.kernel.audit.canonical;
