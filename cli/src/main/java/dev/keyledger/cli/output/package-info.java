/**
 * What the CLI prints: tables for people, the API's own answers for scripts ({@code --output json|yaml}), progress
 * only on a terminal, and secrets only where the user asked for them.
 */
package dev.keyledger.cli.output;
