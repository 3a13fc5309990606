/** Aggregates kept in memory between commands, holding only what committed (docs/DECISIONS.md, issue 16). */
package dev.keyledger.command.caching;
