/** The role view: the fold of a role name's events, its projection into {@code query_role} and its reads. */
package dev.keyledger.query.role;
