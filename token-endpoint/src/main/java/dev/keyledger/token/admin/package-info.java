/**
 * Admin reads that the token endpoint serves because it already reads their table: the signing-key list. No writes:
 * keys are changed by the command side only.
 */
package dev.keyledger.token.admin;
