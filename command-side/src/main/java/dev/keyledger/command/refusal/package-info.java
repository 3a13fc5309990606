/**
 * The ways the domain says no. Aggregates throw these; the web layer maps each to one HTTP status. Stack traces are
 * not captured: a refusal is an answer, not a fault.
 */
package dev.keyledger.command.refusal;
