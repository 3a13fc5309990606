/**
 * Tamper evidence: the hash chain over every event in global order, its linker and its verifier. The chain is
 * evidence about the event store, so it is never rebuilt from it: a replay leaves it alone.
 */
package dev.keyledger.query.chain;
