/**
 * How a command-side or query-side node that runs apart from the token endpoint learns who calls its admin API: it
 * asks a token endpoint node, which alone can verify Keyledger's access tokens (DECISIONS.md 38). The protocol's
 * names live here so that both ends agree on them; nothing here verifies a token.
 */
package dev.keyledger.kernel.access;
