/** RFC 8785 JSON canonicalization: the one byte form that audit links and checkpoint signatures are computed over. */
package dev.keyledger.kernel.audit.canonical;
