/** Clients kept in memory between commands by a node that is the event store's only writer (docs/DECISIONS.md 146). */
package dev.keyledger.command.caching;
