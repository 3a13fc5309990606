/**
 * The role view: the fold of a role name's events, its projection into {@code query_role}, its reads, and the
 * effective permissions a set of roles grants, which the client views take from it.
 */
package dev.keyledger.query.role;
