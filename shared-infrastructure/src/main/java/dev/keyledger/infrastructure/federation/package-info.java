/**
 * Workload identity federation's shared rules: which external issuers the operator trusts and where their keys are
 * ({@code KEYLEDGER_FEDERATION_ISSUERS}), and how a federated credential's subject matches a token's {@code sub}.
 * The command side checks rules against them when they are written, the token endpoint again when they are used.
 */
package dev.keyledger.infrastructure.federation;
